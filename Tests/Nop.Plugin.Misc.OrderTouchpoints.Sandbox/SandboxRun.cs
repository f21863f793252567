using System.Diagnostics;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Sandbox;

/// <summary>
/// One sandbox run: the sample shop's orders placed through the real consumer, delivered by the real
/// worker to the fake vendors (or the endpoints of OT_*_URL), then judged against the scenario.
/// </summary>
public static class SandboxRun
{
    // The plugin's clock runs this much faster than the wall clock: the retry schedule's 10 s become
    // 0.5 s, the 30-s circuit-breaker pause 1.5 s, the 15-s attempt timeout 0.75 s.
    public const double TimeAcceleration = 20;
    // Its 20 minutes of plugin time give up after about a minute of wall-clock time: long enough that a busy CI machine
    // (where every request, pause and rate-limit wait stretches) does not reach the horizon before the bursts end.
    public const string SandboxRetrySchedule = "10s,10s,20s,30s,1m,1m,2m,5m,5m,5m";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public static async Task<int> RunAsync(SandboxOptions options, TextWriter output)
    {
        var scenario = Scenarios.Named(options.Scenario);
        await using var farm = await VendorFarm.StartAsync();
        var defaults = VendorEndpoints.Of(farm);
        var endpoints = new VendorEndpoints(
            Environment.GetEnvironmentVariable("OT_TRANSACTIONALE_URL") is { Length: > 0 } t ? t : defaults.TransactionaleUrl,
            Environment.GetEnvironmentVariable("OT_VOYADO_URL") is { Length: > 0 } v ? v : defaults.VoyadoBaseUrl,
            Environment.GetEnvironmentVariable("OT_VTMARKETING_URL") is { Length: > 0 } m ? m : defaults.VtMarketingUrl);
        var external = new HashSet<TouchpointVendor>();
        if (endpoints.TransactionaleUrl != defaults.TransactionaleUrl) external.Add(TouchpointVendor.Transactionale);
        if (endpoints.VoyadoBaseUrl != defaults.VoyadoBaseUrl) external.Add(TouchpointVendor.VoyadoEngage);
        if (endpoints.VtMarketingUrl != defaults.VtMarketingUrl) external.Add(TouchpointVendor.VtMarketing);

        output.WriteLine($"scenario {scenario.Name}: {scenario.Description}");
        output.WriteLine($"{options.Orders} orders, plugin clock x{TimeAcceleration:0}; vendors: Transactionale {endpoints.TransactionaleUrl}, " +
                         $"Voyado Engage {endpoints.VoyadoBaseUrl}, VTmarketing {endpoints.VtMarketingUrl}");

        var clock = Stopwatch.StartNew();
        var misbehave = scenario.Misbehaviour(clock);
        var gate = new object();
        farm.Misbehave = (vendor, request) =>
        {
            if (options.ShowPayloads)
            {
                lock (gate)
                {
                    output.WriteLine($"--> {vendor} {request.Method} {request.Path}{request.Query}");
                    if (request.Body.Length > 0)
                        output.WriteLine(request.Body);
                }
            }
            return misbehave(vendor, request);
        };

        var shop = SampleShop.Create(options.Orders);
        // Denser than the default schedule (10s,1m,5m,30m…), so even a delivery the circuit breaker held
        // back a few times settles within seconds of wall-clock time.
        var delivery = new OrderTouchpointsDeliverySettings { RetrySchedule = SandboxRetrySchedule };
        var settings = SandboxSettings.Create(endpoints, delivery, scenario.VoyadoRequestsPerSecond);
        var time = new AcceleratedTimeProvider(TimeAcceleration);
        await using var host = TouchpointHost.Create(shop, settings, time);
        await host.StartWorkerAsync();

        foreach (var order in shop.Orders)
            await host.PlaceOrderAsync(order);

        while (host.Outbox.Snapshot().Any(r => r.Status is DeliveryStatus.Pending or DeliveryStatus.InProgress) && clock.Elapsed < Deadline)
            await Task.Delay(50);
        var rows = host.Outbox.Snapshot();
        output.WriteLine($"settled in {clock.Elapsed.TotalSeconds:0.0} s");

        var problems = new List<string>();
        foreach (var vendor in Enum.GetValues<TouchpointVendor>())
            Report(vendor, rows.Where(r => r.Vendor == vendor).ToList(), farm, scenario, external.Contains(vendor), time, output, problems);
        var noEmailOrderId = SampleShop.FirstOrderId + SampleShop.NoEmailOrderIndex;
        if (options.Orders > SampleShop.NoEmailOrderIndex && rows.Any(r => r.OrderId == noEmailOrderId && r.Status != DeliveryStatus.Skipped))
            problems.Add($"order {noEmailOrderId} (no email) was not skipped by every vendor");
        if (host.Nop.ErrorsLogged > 0)
            problems.Add($"{host.Nop.ErrorsLogged} errors were logged");

        foreach (var problem in problems)
            output.WriteLine("UNEXPECTED: " + problem);
        output.WriteLine(problems.Count == 0 ? $"OK: every delivery reached the state scenario {scenario.Name} expects" : "FAILED");
        return problems.Count == 0 ? 0 : 1;
    }

    private static void Report(TouchpointVendor vendor, IReadOnlyList<OrderTouchpointDelivery> rows, VendorFarm farm, Scenario scenario,
        bool external, AcceleratedTimeProvider time, TextWriter output, List<string> problems)
    {
        var delivered = rows.Where(r => r.Status == DeliveryStatus.Delivered).ToList();
        var latencies = delivered.Select(r => time.ToReal(r.DeliveredOnUtc!.Value - r.CreatedOnUtc).TotalMilliseconds).ToList();
        output.WriteLine($"{vendor}: {delivered.Count} delivered, {rows.Count(r => r.Status == DeliveryStatus.Failed)} failed, " +
                         $"{rows.Count(r => r.Status == DeliveryStatus.Skipped)} skipped, {rows.Count(r => r.Status is DeliveryStatus.Pending or DeliveryStatus.InProgress)} still waiting; " +
                         $"attempts {rows.Sum(r => r.Attempts)} (max {(rows.Count == 0 ? 0 : rows.Max(r => r.Attempts))} per delivery); " +
                         $"order to delivery p50 {Percentile(latencies, 0.50):0} ms, p99 {Percentile(latencies, 0.99):0} ms" +
                         (external ? "" : $"; requests received {farm.ServerOf(vendor).Requests.Count}, max {farm.MaxRequestsInAnySecond(vendor)} in one second"));
        foreach (var group in rows.Where(r => r.Status is DeliveryStatus.Skipped or DeliveryStatus.Failed).GroupBy(r => (r.Status, r.LastReason)))
            output.WriteLine($"  {group.Key.Status} x{group.Count()}: {group.Key.LastReason}");

        var answersLost = scenario.AnswersLost?.Contains(vendor) == true;
        if (rows.Any(r => r.Status is DeliveryStatus.Pending or DeliveryStatus.InProgress))
            problems.Add($"{vendor}: some deliveries never finished");
        if (!answersLost && rows.Any(r => r.Status == DeliveryStatus.Failed))
            problems.Add($"{vendor}: some deliveries failed");
        if (answersLost && !rows.Any(r => r.Status == DeliveryStatus.Failed))
            problems.Add($"{vendor}: the scenario left answers lost, yet no delivery failed for a person to check");
        if (answersLost && rows.Any(r => r.Status == DeliveryStatus.Failed
                && !(r.LastReason!.StartsWith("Sent, no answer") && r.LastReason.EndsWith("resend it from the delivery log only if it is missing."))))
            problems.Add($"{vendor}: a delivery failed without the check-then-resend reason");
        if (rows.Count(r => r.Status == DeliveryStatus.Skipped) > 1)
            problems.Add($"{vendor}: more than the order without email was skipped");
        // A 429 gives its attempt back (Attempts counts failures only): a retry then shows as an extra request.
        var retried = rows.Any(r => r.Attempts > 1) || (!external && farm.ServerOf(vendor).Requests.Count > rows.Sum(r => r.Attempts));
        if (scenario.MustRetry.Contains(vendor) && !retried)
            problems.Add($"{vendor}: the scenario should have made deliveries retry, none did");
        if (external)
            return;
        foreach (var violation in farm.Violations(vendor).Distinct())
            problems.Add($"{vendor} contract: {violation}");
        var requests = farm.ServerOf(vendor).Requests.Count;
        // The scenario's only trouble is lost answers, none of which may be repeated: one request per delivery.
        var sent = farm.ServerOf(vendor).Requests.Count(r => VendorFarm.IsDelivery(vendor, r));
        var deliveries = rows.Count(r => r.Status != DeliveryStatus.Skipped);
        if (answersLost && sent != deliveries)
            problems.Add($"{vendor}: {sent} delivery requests for {deliveries} deliveries: a request whose answer was lost was sent again");
        if (rows.Where(r => r.Status != DeliveryStatus.Skipped).Sum(r => r.Attempts) > requests)
            problems.Add($"{vendor}: the outbox counts more attempts than the {requests} requests the vendor received (held-back attempts were counted)");
        if (farm.AcceptedDeliveries(vendor) != delivered.Count)
            problems.Add($"{vendor}: the vendor accepted {farm.AcceptedDeliveries(vendor)} deliveries, the outbox marks {delivered.Count} delivered");
        if (vendor == TouchpointVendor.VoyadoEngage && farm.MaxRequestsInAnySecond(vendor) > scenario.VoyadoRequestsPerSecond)
            problems.Add($"Voyado Engage received {farm.MaxRequestsInAnySecond(vendor)} requests within one second (limit {scenario.VoyadoRequestsPerSecond})");
    }

    // A vendor with nothing delivered reports 0 ms rather than NaN.
    private static double Percentile(IReadOnlyList<double> latencies, double p) => latencies.Count == 0 ? 0 : Percentiles.NearestRank(latencies, p);
}
