using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Shipping;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Events;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Delivery;

/// <summary>
/// "No state twice": posts are built from the order at send time, so a delayed post can already show what a later event
/// would show; Engage (which does not deduplicate) must get each distinct state of an order once, in order, and nothing
/// else. The real consumer, dispatcher, Engage channel and a contract-checking Engage on 127.0.0.1; the manual clock
/// lets retries hours apart pass at once.
/// </summary>
public class DeliveredStateTests
{
    private static readonly FakeResponse Unavailable = new(503, """{"message":"maintenance"}""");

    private VendorFarm _vendors = null!;
    private ManualTimeProvider _time = null!;
    private ShopFixture _shop = null!;
    private TouchpointHost _host = null!;
    private bool _engageDown;
    private int _orderPostsToHangUp;

    // Order index 1 of the sample shop: store 2, paid in SEK at 11.4237 with 22 % and 10 % VAT lines.
    private Order Order => _shop.Orders[1];

    [SetUp]
    public async Task Start()
    {
        _vendors = await VendorFarm.StartAsync();
        _vendors.Misbehave = (vendor, request) =>
            vendor != TouchpointVendor.VoyadoEngage || request.Path != "/api/v2/orders" ? null
            : _engageDown ? Unavailable
            : Interlocked.Decrement(ref _orderPostsToHangUp) >= 0 ? new FakeResponse(200, HangUp: true)
            : null;
        _time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        _shop = SampleShop.Create(2);
        Order.PaymentStatus = PaymentStatus.Pending;
        _host = TouchpointHost.Create(_shop, SandboxSettings.Create(VendorEndpoints.Of(_vendors), new OrderTouchpointsDeliverySettings()), _time);
    }

    [TearDown]
    public async Task Stop()
    {
        await _host.DisposeAsync();
        await _vendors.DisposeAsync();
    }

    private async Task PublishAsync(Func<OrderEventsConsumer, Task> publish)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await publish(scope.ServiceProvider.GetRequiredService<OrderEventsConsumer>());
    }

    private Task SettleAsync() => DeliveryLoop.RunUntilSettledAsync(_host.Services.GetRequiredService<DeliveryDispatcher>(), _time);

    /// <summary>The order posts Engage accepted, as "orderStatus/paymentStatus", in the order it answered them.</summary>
    private List<string> AcceptedStates() => _vendors.Engage.Server.Answered
        .Where(a => a.Request.Path == "/api/v2/orders" && a.Status is >= 200 and < 300)
        .Select(a => $"{a.Request.Json.GetProperty("orderStatus").GetString()}/{a.Request.Json.GetProperty("paymentStatus").GetString()}")
        .ToList();

    private OrderTouchpointDelivery EngageRow(TouchpointEvent touchpointEvent) =>
        _host.Outbox.Snapshot().Single(r => r.Vendor == TouchpointVendor.VoyadoEngage && r.OrderId == Order.Id && r.Event == touchpointEvent);

    [Test]
    public async Task Engage_down_while_the_order_is_paid_then_shipped_gets_each_distinct_state_once_in_order_when_back()
    {
        _engageDown = true;
        await PublishAsync(c => c.HandleEventAsync(new OrderPlacedEvent(Order)));
        await _host.Services.GetRequiredService<DeliveryDispatcher>().DrainAsync(CancellationToken.None);
        Assert.That(_vendors.Engage.OrderPosts, Has.Count.EqualTo(1), "the placed post met the outage");

        _time.Advance(TimeSpan.FromMinutes(3));
        Order.PaymentStatus = PaymentStatus.Paid;
        await PublishAsync(c => c.HandleEventAsync(new OrderPaidEvent(Order)));
        _time.Advance(TimeSpan.FromMinutes(20));
        var shipment = new Shipment { Id = 71, OrderId = Order.Id, TrackingNumber = "SE-4471", ShippedDateUtc = _time.UtcNow };
        _shop.Shipments.Add(shipment);
        await PublishAsync(c => c.HandleEventAsync(new ShipmentSentEvent(shipment)));
        _time.Advance(TimeSpan.FromHours(2));
        _engageDown = false;

        await SettleAsync();

        Assert.That(AcceptedStates(), Is.EqualTo(new[] { "Confirmed/Paid", "Shipped/Paid" }));
        Assert.That(_vendors.Violations(TouchpointVendor.VoyadoEngage), Is.Empty);
        Assert.That(EngageRow(TouchpointEvent.OrderPlaced).DeliveredState, Is.EqualTo("Confirmed/Paid"));
        var paid = EngageRow(TouchpointEvent.OrderPaid);
        Assert.That(paid.Status, Is.EqualTo(DeliveryStatus.Skipped));
        Assert.That(paid.LastReason, Does.StartWith("Engage already has Confirmed/Paid for this order, from the placed post"));
        Assert.That(EngageRow(TouchpointEvent.ShipmentSent).DeliveredState,
            Is.EqualTo("Shipped/Paid, shipment 71 shipped " + shipment.ShippedDateUtc!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Two_shipments_shipped_in_the_same_second_each_reach_Engage_once_with_their_own_tracking()
    {
        Order.PaymentStatus = PaymentStatus.Paid;
        await PublishAsync(c => c.HandleEventAsync(new OrderPlacedEvent(Order)));
        await SettleAsync();
        // The admin's "set as shipped (selected)" ships them one after the other, milliseconds apart.
        var shippedOnUtc = _time.UtcNow;
        Shipment[] shipments =
        [
            new() { Id = 81, OrderId = Order.Id, TrackingNumber = "SE-8101", ShippedDateUtc = shippedOnUtc },
            new() { Id = 82, OrderId = Order.Id, TrackingNumber = "SE-8202", ShippedDateUtc = shippedOnUtc.AddMilliseconds(40) }
        ];
        foreach (var shipment in shipments)
        {
            _shop.Shipments.Add(shipment);
            await PublishAsync(c => c.HandleEventAsync(new ShipmentSentEvent(shipment)));
        }

        await SettleAsync();

        var shipmentPosts = _vendors.Engage.Server.Answered
            .Where(a => a.Request.Path == "/api/v2/orders" && a.Status is >= 200 and < 300)
            .Select(a => a.Request.Json)
            .Where(json => json.TryGetProperty("shippingDate", out _))
            .Select(json => json.GetProperty("extraData").GetProperty("trackingNumber").GetString())
            .ToList();
        Assert.That(shipmentPosts, Is.EquivalentTo(new[] { "SE-8101", "SE-8202" }), "each shipment's own post, each once");
        Assert.That(_vendors.Violations(TouchpointVendor.VoyadoEngage), Is.Empty);
        Assert.That(_host.Outbox.Snapshot().Where(r => r.Vendor == TouchpointVendor.VoyadoEngage && r.Event == TouchpointEvent.ShipmentSent)
            .Select(r => r.Status), Has.All.EqualTo(DeliveryStatus.Delivered));
    }

    [Test]
    public async Task A_post_that_would_show_the_state_of_a_post_whose_answer_was_lost_is_held_for_the_owner_not_sent()
    {
        Order.PaymentStatus = PaymentStatus.Paid;
        _orderPostsToHangUp = 1;
        await PublishAsync(async c =>
        {
            await c.HandleEventAsync(new OrderPlacedEvent(Order));
            await c.HandleEventAsync(new OrderPaidEvent(Order));
        });

        await SettleAsync();

        Assert.That(_vendors.Engage.OrderPosts, Has.Count.EqualTo(1), "Engage received the placed post (its answer was lost) and nothing more");
        var placed = EngageRow(TouchpointEvent.OrderPlaced);
        Assert.That(placed.Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(placed.DeliveredState, Is.EqualTo("Confirmed/Paid"), "the state the lost post may have shown");
        var paid = EngageRow(TouchpointEvent.OrderPaid);
        Assert.That(paid.Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(paid.LastReason, Does.StartWith("The placed post may have shown Engage Confirmed/Paid already")
            .And.Contain("resend the placed post"), "the owner is sent to the lost post, whose resend shows this state");
        Assert.That(_vendors.Violations(TouchpointVendor.VoyadoEngage), Is.Empty);
    }

    [Test]
    public async Task An_order_post_cut_when_the_application_stops_keeps_the_state_it_may_have_shown_so_a_later_post_of_it_is_held()
    {
        // An attempt timeout beyond the stop grace: the stop cuts the post before its own timeout would.
        await _host.DisposeAsync();
        _host = TouchpointHost.Create(_shop, SandboxSettings.Create(VendorEndpoints.Of(_vendors),
            new OrderTouchpointsDeliverySettings { AttemptTimeoutSeconds = 120 }), _time);
        var orderPostOut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _vendors.Misbehave = (vendor, request) =>
        {
            if (vendor != TouchpointVendor.VoyadoEngage || request.Path != "/api/v2/orders")
                return null;
            orderPostOut.TrySetResult();
            return new FakeResponse(200, "{}", Delay: TimeSpan.FromMinutes(5));
        };
        Order.PaymentStatus = PaymentStatus.Paid;
        await PublishAsync(async c =>
        {
            await c.HandleEventAsync(new OrderPlacedEvent(Order));
            await c.HandleEventAsync(new OrderPaidEvent(Order));
        });

        using var stopping = new CancellationTokenSource();
        var drain = _host.Services.GetRequiredService<DeliveryDispatcher>().DrainAsync(stopping.Token);
        await orderPostOut.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stopping.CancelAsync();
        _time.Advance(DrainPlan.StopGrace + TimeSpan.FromSeconds(1));
        try
        {
            await drain.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
        }

        var placed = EngageRow(TouchpointEvent.OrderPlaced);
        Assert.That(placed.Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(placed.LastReason, Does.StartWith("Sent, cut without an answer when the application stopped."));
        Assert.That(placed.DeliveredState, Is.EqualTo("Confirmed/Paid"), "the state the cut post may have shown");

        await SettleAsync();

        var paid = EngageRow(TouchpointEvent.OrderPaid);
        Assert.That(paid.Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(paid.LastReason, Does.StartWith("The placed post may have shown Engage Confirmed/Paid already"));
        Assert.That(_vendors.Engage.OrderPosts, Has.Count.EqualTo(1), "Engage got the cut post and nothing more");
        Assert.That(_vendors.Violations(TouchpointVendor.VoyadoEngage), Is.Empty);
    }

    [Test]
    public async Task An_order_saved_paid_at_checkout_reaches_Engage_with_exactly_one_post()
    {
        Order.PaymentStatus = PaymentStatus.Paid;
        await PublishAsync(async c =>
        {
            await c.HandleEventAsync(new OrderPlacedEvent(Order));
            await c.HandleEventAsync(new OrderPaidEvent(Order));
        });

        await SettleAsync();

        Assert.That(AcceptedStates(), Is.EqualTo(new[] { "Confirmed/Paid" }));
        Assert.That(_vendors.Engage.OrderPosts, Has.Count.EqualTo(1));
        Assert.That(EngageRow(TouchpointEvent.OrderPaid).Status, Is.EqualTo(DeliveryStatus.Skipped));
    }

    [Test]
    public async Task Each_refund_with_a_new_refunded_total_is_a_new_state_and_is_posted()
    {
        Order.PaymentStatus = PaymentStatus.Paid;
        await PublishAsync(c => c.HandleEventAsync(new OrderPlacedEvent(Order)));
        await SettleAsync();

        foreach (var refundedTotal in new[] { 4.10m, 9.35m })
        {
            Order.RefundedAmount = refundedTotal;
            Order.PaymentStatus = PaymentStatus.PartiallyRefunded;
            await PublishAsync(c => c.HandleEventAsync(new OrderRefundedEvent(Order, refundedTotal)));
            await SettleAsync();
        }

        Assert.That(AcceptedStates(), Is.EqualTo(new[] { "Confirmed/Paid", "Refunded/PartiallyRefunded", "Refunded/PartiallyRefunded" }));
        var refunds = _host.Outbox.Snapshot().Where(r => r.Vendor == TouchpointVendor.VoyadoEngage && r.Event == TouchpointEvent.OrderRefunded)
            .OrderBy(r => r.Id).Select(r => r.DeliveredState).ToList();
        // The refunded totals in the customer's currency (SEK at 11.4237): 4.10 → 46.84, 9.35 → 106.81.
        Assert.That(refunds, Is.EqualTo(new[] { "Refunded/PartiallyRefunded@46.84", "Refunded/PartiallyRefunded@106.81" }));
    }
}
