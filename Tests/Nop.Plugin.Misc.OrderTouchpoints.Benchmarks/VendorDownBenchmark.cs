using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Benchmarks;

/// <summary>
/// The consumer's time while every vendor hangs: each request is held 5 s, past the 1-s attempt timeout
/// set here, so the running worker keeps all its send slots busy with attempts that time out (and its
/// circuit breakers open) while orders keep being placed, about one per millisecond.
/// </summary>
public sealed class VendorDownBenchmark : IBenchmark
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(5);

    public string Name => "vendor-down";

    public async Task RunAsync(BenchmarkOptions options, BenchmarkReport report)
    {
        var warmUp = options.Quick ? 300 : 1_000;
        var iterations = options.Quick ? 700 : 3_000;
        var delivery = new OrderTouchpointsDeliverySettings { AttemptTimeoutSeconds = 1 };
        await using var bench = await BenchmarkShop.StartAsync(warmUp + iterations, delivery: delivery);
        bench.Farm.Misbehave = (_, _) => new FakeResponse(200, "{}", Delay: Hang);
        await bench.Host.StartWorkerAsync();
        var orders = bench.Shop.Orders;

        for (var i = 0; i < warmUp; i++)
            await CheckoutBenchmark.PlaceAsync(bench, orders[i], null);
        var times = new Samples(iterations);
        var started = DateTime.UtcNow;
        for (var i = warmUp; i < warmUp + iterations; i++)
        {
            await CheckoutBenchmark.PlaceAsync(bench, orders[i], times);
            // Spread the orders over seconds, so the worker's hanging attempts and timeouts overlap them.
            await Task.Delay(1);
        }
        var elapsed = DateTime.UtcNow - started;
        var requests = Enum.GetValues<TouchpointVendor>().Sum(v => bench.Farm.ServerOf(v).Requests.Count);

        report.Note($"vendor down: {iterations:N0} orders over {elapsed.TotalSeconds:0.0} s while the worker ran; vendors received {requests:N0} requests, answered none in time");
        report.Metric("checkout_plugin_us_p99_vendor_down", times.Percentile(0.99), "us");
    }
}
