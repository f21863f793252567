using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Benchmarks;

/// <summary>
/// The sandbox's set-up for a benchmark: the sample shop, the three fake vendors on 127.0.0.1 with all
/// three enabled for both stores, and the plugin's real registration on the system clock.
/// </summary>
public sealed class BenchmarkShop : IAsyncDisposable
{
    private BenchmarkShop(VendorFarm farm, ShopFixture shop, TouchpointHost host)
    {
        Farm = farm;
        Shop = shop;
        Host = host;
    }

    public VendorFarm Farm { get; }
    public ShopFixture Shop { get; }
    public TouchpointHost Host { get; }

    public static async Task<BenchmarkShop> StartAsync(int orderCount, int linesPerOrder = 0, OrderTouchpointsDeliverySettings? delivery = null,
        int voyadoRequestsPerSecond = 40)
    {
        var farm = await VendorFarm.StartAsync();
        var shop = SampleShop.Create(orderCount, linesPerOrder);
        var settings = SandboxSettings.Create(VendorEndpoints.Of(farm), delivery ?? new OrderTouchpointsDeliverySettings(), voyadoRequestsPerSecond);
        return new BenchmarkShop(farm, shop, TouchpointHost.Create(shop, settings, TimeProvider.System));
    }

    /// <summary>Waits until no delivery is pending or in progress (polls the outbox's due index, not its rows).</summary>
    public async Task WaitUntilSettledAsync(TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (await Host.Outbox.GetNextDueOnUtcAsync() is not null)
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"deliveries still waiting after {deadline.TotalSeconds:0} s");
            await Task.Delay(1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The host first: stopping the worker cancels requests a misbehaving vendor is still holding.
        await Host.DisposeAsync();
        await Farm.DisposeAsync();
    }
}
