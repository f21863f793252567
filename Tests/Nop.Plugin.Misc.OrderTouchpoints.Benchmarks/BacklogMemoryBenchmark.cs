using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Benchmarks;

/// <summary>
/// Peak managed heap while the real DeliveryDispatcher drains 100,000 pending deliveries (10,000 first,
/// for comparison). The channels are <see cref="LoopbackTouchpointChannel"/>s (one small JSON POST per
/// delivery through the real VendorRequestSender) to a server on 127.0.0.1 that keeps no record: the real
/// channels would need 100,000 orders in the fake shop, whose linear look-ups would dominate. The
/// in-memory outbox holds the rows themselves, so the live heap before the drain is reported too: what
/// the drain adds on top of it is the dispatcher's own footprint, which must not grow with the backlog.
/// </summary>
public sealed class BacklogMemoryBenchmark : IBenchmark
{
    public string Name => "backlog";

    public async Task RunAsync(BenchmarkOptions options, BenchmarkReport report)
    {
        await using var server = await FakeVendorServer.StartAsync(_ => new FakeResponse(200, "{}"));
        server.Records = false;
        using var client = new HttpClient();

        // The 10,000-row drain is the reference that shows whether memory grows with the backlog; even the
        // quick run drains the full 100,000 rows so the metric always means what its name says.
        if (!options.Quick)
            await DrainAsync(server, client, 10_000, report);
        var peak = await DrainAsync(server, client, 100_000, report);
        report.Metric("backlog_100k_peak_mb", peak, "MB");
    }

    private static async Task<double> DrainAsync(FakeVendorServer server, HttpClient client, int rows, BenchmarkReport report)
    {
        var settings = new InMemorySettingStore();
        settings.Seed(new OrderTouchpointsDeliverySettings());
        await using var host = TouchpointHost.Create(SampleShop.Create(0), settings, TimeProvider.System, services =>
        {
            services.RemoveAll<ITouchpointChannel>();
            foreach (var vendor in Enum.GetValues<TouchpointVendor>())
                services.AddScoped<ITouchpointChannel>(sp => new LoopbackTouchpointChannel(
                    server.BaseUri, client, sp.GetRequiredService<VendorRequestSender>(), vendor: vendor));
        });
        var vendors = Enum.GetValues<TouchpointVendor>();
        var created = 0;
        for (var orderId = 1; created < rows; orderId++)
            created += await host.Outbox.EnqueueAsync(1, orderId, TouchpointEvent.OrderPlaced, vendors.Take(rows - created).ToArray(), DateTime.UtcNow);

        var dispatcher = host.Services.GetRequiredService<DeliveryDispatcher>();
        await using var memory = PeakMemorySampler.Start();
        var before = memory.PeakMegabytes;
        var clock = Stopwatch.StartNew();
        var drained = await dispatcher.DrainAsync(CancellationToken.None);
        clock.Stop();
        await memory.DisposeAsync();

        if (drained.Attempts != rows || drained.NextDueOnUtc is not null)
            throw new InvalidOperationException($"{drained.Attempts} attempts for {rows} rows; next due {drained.NextDueOnUtc}");
        report.Note($"backlog {rows:N0}: live heap {before:0.0} MB with the rows queued, peak {memory.PeakMegabytes:0.0} MB while draining " +
                    $"(+{memory.PeakMegabytes - before:0.0} MB) in {clock.Elapsed.TotalSeconds:0.0} s, {rows / clock.Elapsed.TotalSeconds:0} deliveries/s (loopback channels)");
        return memory.PeakMegabytes;
    }
}
