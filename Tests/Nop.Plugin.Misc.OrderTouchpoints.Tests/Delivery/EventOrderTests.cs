using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Events;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Delivery;

/// <summary>
/// An order paid at checkout raises OrderPlacedEvent and OrderPaidEvent in the same request. Engage's
/// automations must see the order confirmed before they see it paid, although the dispatcher sends up to
/// eight deliveries at once: the paid post may only leave once the placed one is acknowledged.
/// </summary>
public class EventOrderTests
{
    [Test]
    public async Task Engage_gets_the_paid_order_only_after_it_answered_the_placed_one()
    {
        await using var vendors = await VendorFarm.StartAsync();
        bool? placedAnsweredWhenPaidArrived = null;
        vendors.Misbehave = (vendor, request) =>
        {
            if (vendor != TouchpointVendor.VoyadoEngage || request.Path != "/api/v2/orders")
                return null;
            if (!IsStatusPost(request))
                return new FakeResponse(202, Delay: TimeSpan.FromMilliseconds(300));
            placedAnsweredWhenPaidArrived = vendors.Engage.Server.Answered.Any(a => a.Request.Path == "/api/v2/orders" && !IsStatusPost(a.Request));
            return null;
        };
        var shop = SampleShop.Create(1);
        var order = shop.Orders.Single();
        var settings = SandboxSettings.Create(VendorEndpoints.Of(vendors), new OrderTouchpointsDeliverySettings());
        // A paid status of its own, so the paid post shows Engage a new state and is sent (the same state would be skipped).
        settings.Set<OrderTouchpointsVoyadoSettings, string>(s => s.PaidOrderStatus, "Paid", order.StoreId);
        await using var host = TouchpointHost.Create(shop, settings, TimeProvider.System);
        await host.StartWorkerAsync();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var consumer = scope.ServiceProvider.GetRequiredService<OrderEventsConsumer>();
            await consumer.HandleEventAsync(new OrderPlacedEvent(order));
            await consumer.HandleEventAsync(new OrderPaidEvent(order));
        }
        await WaitUntilAsync(() => vendors.Engage.OrderPosts.Count == 2 && placedAnsweredWhenPaidArrived is not null);

        Assert.That(placedAnsweredWhenPaidArrived, Is.True, "the paid order reached Engage before the placed one was answered");
        Assert.That(vendors.Violations(TouchpointVendor.VoyadoEngage), Is.Empty);
    }

    // Only status posts (paid, shipped, …) carry statusChangedDate.
    private static bool IsStatusPost(RecordedRequest request) => request.Json.TryGetProperty("statusChangedDate", out _);

    // Waits for the background worker without timing anything: the guard only stops a hung test.
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
            await Task.Delay(10, guard.Token);
    }
}
