using System.Diagnostics;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;

namespace Nop.Plugin.Misc.OrderTouchpoints.Benchmarks;

/// <summary>
/// From publishing OrderPlacedEvent (nopCommerce's scope and the consumer included) to the first request
/// any fake vendor receives for that order, with the real worker running and healthy vendors. Orders are
/// placed one at a time, each after the previous one's deliveries have all settled.
/// </summary>
public sealed class FirstAttemptBenchmark : IBenchmark
{
    public string Name => "first-attempt";

    public async Task RunAsync(BenchmarkOptions options, BenchmarkReport report)
    {
        const int warmUp = 10;
        var iterations = options.Quick ? 40 : 300;
        // 50/s (the highest the settings allow) so Voyado's limiter does not stretch the wait between orders.
        await using var bench = await BenchmarkShop.StartAsync(warmUp + iterations + 1, voyadoRequestsPerSecond: 50);
        await bench.Host.StartWorkerAsync();

        TaskCompletionSource<long>? firstRequest = null;
        bench.Farm.Misbehave = (_, _) =>
        {
            Volatile.Read(ref firstRequest)?.TrySetResult(Stopwatch.GetTimestamp());
            return null;
        };

        var times = new Samples(iterations);
        // The order without email is skipped by every vendor: nothing is ever sent for it.
        var orders = bench.Shop.Orders.Where((_, index) => index != SampleShop.NoEmailOrderIndex).ToList();
        for (var i = 0; i < warmUp + iterations; i++)
        {
            var arrived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref firstRequest, arrived);
            var start = Stopwatch.GetTimestamp();
            await bench.Host.PlaceOrderAsync(orders[i]);
            var at = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
            if (i >= warmUp)
                times.Add(Stopwatch.GetElapsedTime(start, at).TotalMilliseconds);
            Volatile.Write(ref firstRequest, null);
            await bench.WaitUntilSettledAsync(TimeSpan.FromSeconds(30));
        }

        report.Note($"first attempt: {iterations} orders one at a time, worker running, vendors healthy");
        report.Metric("first_attempt_ms_p50", times.Percentile(0.50), "ms");
        report.Metric("first_attempt_ms_p99", times.Percentile(0.99), "ms");
    }
}
