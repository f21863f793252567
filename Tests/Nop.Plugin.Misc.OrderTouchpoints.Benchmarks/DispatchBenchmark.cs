using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;

namespace Nop.Plugin.Misc.OrderTouchpoints.Benchmarks;

/// <summary>
/// Throughput of the real DeliveryDispatcher draining a backlog through the REAL channels (order re-read,
/// payload built, JSON posted through the typed HTTP client and Polly pipeline) to the fake vendors on
/// 127.0.0.1 answering at once. Transactionale and VTmarketing only, one delivery per order each: Voyado
/// is held to its per-key rate limit by design (see voyado-rate). Default delivery settings (8 concurrent sends).
/// </summary>
public sealed class DispatchBenchmark : IBenchmark
{
    private static readonly TouchpointVendor[] Vendors = [TouchpointVendor.Transactionale, TouchpointVendor.VtMarketing];

    public string Name => "dispatch";

    public async Task RunAsync(BenchmarkOptions options, BenchmarkReport report)
    {
        const int warmUpOrders = 200;
        var orders = options.Quick ? 1_000 : 5_000;
        await using var bench = await BenchmarkShop.StartAsync(warmUpOrders + orders);
        var dispatcher = bench.Host.Services.GetRequiredService<DeliveryDispatcher>();
        var reports = bench.Host.Reports;

        await EnqueueAsync(bench, 0, warmUpOrders);
        await dispatcher.DrainAsync(CancellationToken.None);

        var deliveries = await EnqueueAsync(bench, warmUpOrders, orders);
        var clock = Stopwatch.StartNew();
        var drained = await dispatcher.DrainAsync(CancellationToken.None);
        clock.Stop();

        if (drained.NextDueOnUtc is not null || drained.Attempts != deliveries)
            throw new InvalidOperationException($"{drained.Attempts} attempts for {deliveries} deliveries; next due {drained.NextDueOnUtc}");
        var delivered = (await reports.SearchAsync(new DeliverySearch(Status: DeliveryStatus.Delivered), 0, 1)).TotalCount;
        report.Note($"dispatch: {deliveries:N0} deliveries (real Transactionale + VTmarketing channels, {delivered:N0} delivered with the warm-up's, the order without email skipped) in {clock.Elapsed.TotalSeconds:0.00} s");
        report.Metric("dispatch_per_s", deliveries / clock.Elapsed.TotalSeconds, "deliveries/s");
    }

    private static async Task<int> EnqueueAsync(BenchmarkShop bench, int first, int count)
    {
        var created = 0;
        foreach (var order in bench.Shop.Orders.Skip(first).Take(count))
            created += await bench.Host.Outbox.EnqueueAsync(order.StoreId, order.Id, TouchpointEvent.OrderPlaced, Vendors, DateTime.UtcNow);
        return created;
    }
}
