using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Events;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;

namespace Nop.Plugin.Misc.OrderTouchpoints.Benchmarks;

/// <summary>
/// What checkout pays. Plugin: the real OrderEventsConsumer handling OrderPlacedEvent with all three
/// vendors enabled, in-memory outbox, a distinct order per call, the worker not running (its cost is not
/// on the checkout thread). Inline: the same kind of order sent the way the bundled Brevo/Omnisend plugins
/// do inside the order event, awaiting the three vendors' real channel DeliverAsync one after another,
/// with every fake vendor answering each request after 200 ms.
/// </summary>
public sealed class CheckoutBenchmark : IBenchmark
{
    private static readonly TimeSpan VendorLatency = TimeSpan.FromMilliseconds(200);

    public string Name => "checkout";

    public async Task RunAsync(BenchmarkOptions options, BenchmarkReport report)
    {
        var warmUp = options.Quick ? 500 : 2_000;
        var iterations = options.Quick ? 2_000 : 10_000;
        var inlineOrders = options.Quick ? 3 : 15;
        await using var bench = await BenchmarkShop.StartAsync(warmUp + iterations + inlineOrders + 1);
        var orders = bench.Shop.Orders;

        for (var i = 0; i < warmUp; i++)
            await PlaceAsync(bench, orders[i], null);
        var times = new Samples(iterations);
        long allocated = 0;
        for (var i = warmUp; i < warmUp + iterations; i++)
            allocated += await PlaceAsync(bench, orders[i], times);
        var queued = (await bench.Host.Reports.SearchAsync(new DeliverySearch(), 0, 1)).TotalCount;
        if (queued < 3 * (warmUp + iterations) - 3)
            throw new InvalidOperationException($"only {queued} deliveries were queued for {warmUp + iterations} orders");

        var pluginP50 = times.Percentile(0.50);
        report.Note($"checkout: consumer over {iterations:N0} orders after {warmUp:N0} warm-up, 3 vendors enabled, {queued:N0} rows queued");
        report.Metric("checkout_plugin_us_p50", pluginP50, "us");
        report.Metric("checkout_plugin_us_p99", times.Percentile(0.99), "us");
        report.Metric("checkout_plugin_alloc_bytes", (double)allocated / iterations, "bytes");

        var inline = await InlineAsync(bench, orders.Skip(warmUp + iterations).ToList());
        var inlineP50 = inline.Percentile(0.50);
        report.Note($"checkout inline: {inline.Count} orders, each awaiting Transactionale, Voyado Engage and VTmarketing at {VendorLatency.TotalMilliseconds:0} ms per request");
        report.Metric("checkout_inline_ms_p50", inlineP50, "ms");
        report.Metric("checkout_speedup_x", inlineP50 * 1000 / pluginP50, "x");
    }

    /// <summary>One call of the consumer as nopCommerce makes it (resolved in a scope); returns the bytes it allocated.</summary>
    public static async Task<long> PlaceAsync(BenchmarkShop bench, Order order, Samples? times)
    {
        await using var scope = bench.Host.Services.CreateAsyncScope();
        var consumer = scope.ServiceProvider.GetRequiredService<OrderEventsConsumer>();
        var placed = new OrderPlacedEvent(order);
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        await consumer.HandleEventAsync(placed);
        times?.AddMicrosecondsSince(start);
        return GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
    }

    private static async Task<Samples> InlineAsync(BenchmarkShop bench, IReadOnlyList<Order> orders)
    {
        bench.Farm.Latency = VendorLatency;
        var times = new Samples(orders.Count);
        // The first order warms the connections and JIT, as a store's first checkout would; not counted.
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            await using var scope = bench.Host.Services.CreateAsyncScope();
            var channels = scope.ServiceProvider.GetServices<ITouchpointChannel>().ToList();
            var request = new DeliveryRequest(order.StoreId, order.Id, TouchpointEvent.OrderPlaced, DateTime.UtcNow, 1);
            var start = Stopwatch.GetTimestamp();
            foreach (var channel in channels)
            {
                var outcome = await channel.DeliverAsync(request, CancellationToken.None);
                if (outcome.Kind != OutcomeKind.Delivered && order.Id != SampleShop.FirstOrderId + SampleShop.NoEmailOrderIndex)
                    throw new InvalidOperationException($"inline {channel.Facts.Name} for order {order.Id}: {outcome.Kind} {outcome.Reason}");
            }
            if (i > 0)
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        bench.Farm.Latency = TimeSpan.Zero;
        return times;
    }
}
