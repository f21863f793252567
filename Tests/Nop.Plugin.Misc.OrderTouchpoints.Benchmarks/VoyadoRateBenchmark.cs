using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;

namespace Nop.Plugin.Misc.OrderTouchpoints.Benchmarks;

/// <summary>
/// Voyado deliveries drained by the real dispatcher with the limit set to 40 requests/s: the most
/// requests (contact look-ups, creations and order posts alike) the fake Engage received within any
/// one second, by arrival time.
/// </summary>
public sealed class VoyadoRateBenchmark : IBenchmark
{
    private const int Limit = 40;

    public string Name => "voyado-rate";

    public async Task RunAsync(BenchmarkOptions options, BenchmarkReport report)
    {
        var deliveries = options.Quick ? 60 : 200;
        await using var bench = await BenchmarkShop.StartAsync(deliveries, voyadoRequestsPerSecond: Limit);
        var dispatcher = bench.Host.Services.GetRequiredService<DeliveryDispatcher>();
        foreach (var order in bench.Shop.Orders)
            await bench.Host.Outbox.EnqueueAsync(order.StoreId, order.Id, TouchpointEvent.OrderPlaced, [TouchpointVendor.VoyadoEngage], DateTime.UtcNow);

        var started = DateTime.UtcNow;
        // Held-back deliveries come due again after the retry delay: drain until none waits.
        while (await bench.Host.Outbox.GetNextDueOnUtcAsync() is { } next)
        {
            var wait = next - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait);
            await dispatcher.DrainAsync(CancellationToken.None);
        }
        var elapsed = DateTime.UtcNow - started;

        var engage = bench.Farm.ServerOf(TouchpointVendor.VoyadoEngage);
        report.Note($"voyado rate: {deliveries} deliveries, {engage.Requests.Count} Engage requests, {bench.Farm.AcceptedDeliveries(TouchpointVendor.VoyadoEngage)} orders accepted in {elapsed.TotalSeconds:0.0} s; limit {Limit}/s");
        report.Metric("voyado_max_rps", bench.Farm.MaxRequestsInAnySecond(TouchpointVendor.VoyadoEngage), "requests/s");
    }
}
