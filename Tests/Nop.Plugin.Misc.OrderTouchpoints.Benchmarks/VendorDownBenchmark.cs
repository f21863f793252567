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
        var warmUp = options.Quick ? 200 : 1_000;
        var iterations = options.Quick ? 400 : 3_000;
        // The same paced run with healthy vendors first: pacing alone (cold caches after each 1-ms pause,
        // the worker sharing the CPU) costs something, and that is not the outage's doing.
        var healthy = await PacedRunAsync(warmUp, iterations, down: false);
        var down = await PacedRunAsync(warmUp, iterations, down: true);
        report.Note($"vendor down: {iterations:N0} orders over {down.Elapsed.TotalSeconds:0.0} s while the worker ran; vendors received {down.Requests:N0} requests, answered none in time; " +
                    $"p50 {down.Times.Percentile(0.5):0.0} us. Same pacing, healthy vendors: p50 {healthy.Times.Percentile(0.5):0.0} us, p99 {healthy.Times.Percentile(0.99):0.0} us");
        report.Metric("checkout_plugin_us_p99_vendor_down", down.Times.Percentile(0.99), "us");
    }

    private static async Task<(Samples Times, TimeSpan Elapsed, int Requests)> PacedRunAsync(int warmUp, int iterations, bool down)
    {
        var delivery = new OrderTouchpointsDeliverySettings { AttemptTimeoutSeconds = 1 };
        await using var bench = await BenchmarkShop.StartAsync(warmUp + iterations, delivery: delivery);
        if (down)
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
        return (times, elapsed, Enum.GetValues<TouchpointVendor>().Sum(v => bench.Farm.ServerOf(v).Requests.Count));
    }
}
