using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Shipping;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Events;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Delivery;

public class OrderEventsConsumerTests
{
    private ManualTimeProvider _time = null!;
    private InMemoryDeliveryOutbox _outbox = null!;
    private DeliverySignal _signal = null!;
    private Mock<ILogger> _logger = null!;
    private ShopFixture _shop = null!;
    private Order _order = null!;
    private readonly Dictionary<TouchpointVendor, HashSet<TouchpointEvent>> _active = [];

    [SetUp]
    public void CreateShop()
    {
        _time = new ManualTimeProvider();
        _outbox = new InMemoryDeliveryOutbox(_time);
        _signal = new DeliverySignal();
        _logger = new Mock<ILogger>(MockBehavior.Strict);
        _shop = ShopFixture.WithSampleOrder(out _order);
        _active.Clear();
    }

    private Mock<ITouchpointChannel> Channel(TouchpointVendor vendor)
    {
        var channel = new Mock<ITouchpointChannel>(MockBehavior.Strict);
        channel.SetupGet(c => c.Facts).Returns(TestVendors.Registered.Of(vendor));
        channel.Setup(c => c.IsActiveForAsync(It.IsAny<int>(), It.IsAny<TouchpointEvent>()))
            .ReturnsAsync((int storeId, TouchpointEvent e) => storeId == 1 && _active.TryGetValue(vendor, out var events) && events.Contains(e));
        return channel;
    }

    private OrderEventsConsumer CreateConsumer(IDeliveryOutbox? outbox = null, IEnumerable<ITouchpointChannel>? channels = null)
    {
        var services = new ServiceCollection();
        foreach (var channel in channels ?? Enum.GetValues<TouchpointVendor>().Select(v => Channel(v).Object))
            services.AddSingleton(channel);
        return ActivatorUtilities.CreateInstance<OrderEventsConsumer>(services.BuildServiceProvider(),
            outbox ?? _outbox, _signal, _shop.OrderService.Object, new InMemoryErasedCustomers(), _logger.Object, _time);
    }

    private void Activate(TouchpointVendor vendor, params TouchpointEvent[] events) => _active[vendor] = [.. events];

    private async Task<bool> WasSignalled() => await _signal.WaitAsync(TimeSpan.Zero, _time, CancellationToken.None);

    [Test]
    public async Task A_placed_order_gets_one_pending_delivery_per_active_vendor_and_wakes_the_dispatcher()
    {
        Activate(TouchpointVendor.Transactionale, TouchpointEvent.OrderPlaced);
        Activate(TouchpointVendor.VoyadoEngage, TouchpointEvent.OrderPlaced, TouchpointEvent.OrderPaid);

        await CreateConsumer().HandleEventAsync(new OrderPlacedEvent(_order));

        var rows = _outbox.Snapshot();
        Assert.That(rows.Select(r => r.Vendor), Is.EquivalentTo(new[] { TouchpointVendor.Transactionale, TouchpointVendor.VoyadoEngage }));
        Assert.That(rows, Has.All.Matches<OrderTouchpointDelivery>(r => r.StoreId == 1 && r.OrderId == 42
            && r.Event == TouchpointEvent.OrderPlaced && r.Status == DeliveryStatus.Pending && r.EventOccurredOnUtc == _time.UtcNow));
        Assert.That(await WasSignalled(), Is.True);
    }

    [Test]
    public async Task The_same_event_published_twice_is_one_delivery()
    {
        Activate(TouchpointVendor.Transactionale, TouchpointEvent.OrderPlaced);
        var consumer = CreateConsumer();

        await consumer.HandleEventAsync(new OrderPlacedEvent(_order));
        Assert.That(await WasSignalled(), Is.True);
        await consumer.HandleEventAsync(new OrderPlacedEvent(_order));

        Assert.That(_outbox.Snapshot(), Has.Count.EqualTo(1));
        Assert.That(await WasSignalled(), Is.False, "nothing new to send");
    }

    [Test]
    public async Task A_store_without_active_vendors_costs_no_write_no_log_and_no_wake_up()
    {
        var outbox = new Mock<IDeliveryOutbox>(MockBehavior.Strict);
        Activate(TouchpointVendor.VoyadoEngage, TouchpointEvent.OrderPaid);
        var consumer = CreateConsumer(outbox.Object);

        await consumer.HandleEventAsync(new OrderPlacedEvent(_order));
        _order.StoreId = 2;
        await consumer.HandleEventAsync(new OrderPaidEvent(_order));

        outbox.VerifyNoOtherCalls();
        _logger.VerifyNoOtherCalls();
        Assert.That(await WasSignalled(), Is.False);
    }

    [Test]
    public async Task Failing_services_never_reach_checkout_and_are_logged_once_without_personal_data()
    {
        Activate(TouchpointVendor.Transactionale, TouchpointEvent.OrderPlaced);
        var outbox = new Mock<IDeliveryOutbox>();
        outbox.Setup(o => o.EnqueueAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<TouchpointEvent>(), It.IsAny<IReadOnlyCollection<TouchpointVendor>>(),
                It.IsAny<DateTime>(), It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("insert failed for giulia.rossi@example.com"));
        string? logged = null;
        _logger.Setup(l => l.ErrorAsync(It.IsAny<string>(), null, null)).Callback((string m, Exception _, Nop.Core.Domain.Customers.Customer _) => logged = m)
            .Returns(Task.CompletedTask);

        Assert.DoesNotThrowAsync(() => CreateConsumer(outbox.Object).HandleEventAsync(new OrderPlacedEvent(_order)));

        _logger.Verify(l => l.ErrorAsync(It.IsAny<string>(), null, null), Times.Once);
        Assert.That(logged, Does.Contain("order 42").And.Contain("OrderPlaced").And.Contain("InvalidOperationException")
            .And.Contain("reconciliation queues a placed order"), "a placed order is queued again later");
        Assert.That(logged, Does.Not.Contain("@").And.Not.Contain("Giulia").And.Not.Contain("Rossi"));
    }

    [Test]
    public async Task A_channel_that_throws_while_asked_is_caught_too_and_even_a_failing_logger_stays_silent()
    {
        var broken = new Mock<ITouchpointChannel>();
        broken.SetupGet(c => c.Facts).Returns(TestVendors.Registered.Of(TouchpointVendor.VoyadoEngage));
        broken.Setup(c => c.IsActiveForAsync(It.IsAny<int>(), It.IsAny<TouchpointEvent>())).ThrowsAsync(new TimeoutException());
        _logger.Setup(l => l.ErrorAsync(It.IsAny<string>(), null, null)).ThrowsAsync(new InvalidOperationException("log table missing"));

        Assert.DoesNotThrowAsync(() => CreateConsumer(channels: [broken.Object]).HandleEventAsync(new OrderPaidEvent(_order)));

        // Reconciliation queues placed orders only: the log must not promise that a lost payment event comes back.
        _logger.Verify(l => l.ErrorAsync(It.Is<string>(m => m.Contains("TimeoutException") && m.Contains("this event reaches no vendor")), null, null), Times.Once);
        Assert.That(_outbox.Snapshot(), Is.Empty);
        Assert.That(await WasSignalled(), Is.False);
    }

    [Test]
    public async Task A_channel_that_throws_does_not_cost_the_other_vendors_their_delivery()
    {
        Activate(TouchpointVendor.Transactionale, TouchpointEvent.OrderPlaced);
        var broken = new Mock<ITouchpointChannel>();
        broken.SetupGet(c => c.Facts).Returns(TestVendors.Registered.Of(TouchpointVendor.VoyadoEngage));
        broken.Setup(c => c.IsActiveForAsync(It.IsAny<int>(), It.IsAny<TouchpointEvent>())).ThrowsAsync(new FormatException());
        _logger.Setup(l => l.ErrorAsync(It.IsAny<string>(), null, null)).Returns(Task.CompletedTask);

        await CreateConsumer(channels: [broken.Object, Channel(TouchpointVendor.Transactionale).Object]).HandleEventAsync(new OrderPlacedEvent(_order));

        Assert.That(_outbox.Snapshot().Select(r => r.Vendor), Is.EqualTo(new[] { TouchpointVendor.Transactionale }));
        Assert.That(await WasSignalled(), Is.True);
        _logger.Verify(l => l.ErrorAsync(It.Is<string>(m => m.Contains("FormatException")), null, null), Times.Once);
    }

    [Test]
    public async Task Later_events_queue_only_for_vendors_that_want_them()
    {
        Activate(TouchpointVendor.Transactionale, TouchpointEvent.OrderPlaced);
        Activate(TouchpointVendor.VoyadoEngage, TouchpointEvent.OrderPlaced, TouchpointEvent.OrderPaid, TouchpointEvent.ShipmentSent,
            TouchpointEvent.ShipmentDelivered, TouchpointEvent.OrderCancelled, TouchpointEvent.OrderRefunded);
        var consumer = CreateConsumer();
        var shipment = new Shipment { Id = 3, OrderId = 42 };

        await consumer.HandleEventAsync(new OrderPaidEvent(_order));
        await consumer.HandleEventAsync(new ShipmentSentEvent(shipment));
        await consumer.HandleEventAsync(new ShipmentDeliveredEvent(shipment));
        await consumer.HandleEventAsync(new OrderRefundedEvent(_order, 10m));
        _order.OrderStatus = OrderStatus.Cancelled;
        await consumer.HandleEventAsync(new OrderStatusChangedEvent(_order, OrderStatus.Processing));

        var rows = _outbox.Snapshot();
        Assert.That(rows, Has.All.Matches<OrderTouchpointDelivery>(r => r.Vendor == TouchpointVendor.VoyadoEngage && r.OrderId == 42 && r.StoreId == 1));
        Assert.That(rows.Select(r => r.Event), Is.EquivalentTo(new[]
        {
            TouchpointEvent.OrderPaid, TouchpointEvent.ShipmentSent, TouchpointEvent.ShipmentDelivered, TouchpointEvent.OrderRefunded, TouchpointEvent.OrderCancelled
        }));
    }

    [Test]
    public async Task Every_shipment_and_every_refund_is_a_delivery_of_its_own_and_a_repeated_event_is_still_one()
    {
        Activate(TouchpointVendor.VoyadoEngage, TouchpointEvent.ShipmentSent, TouchpointEvent.ShipmentDelivered, TouchpointEvent.OrderRefunded);
        var consumer = CreateConsumer();
        var first = new Shipment { Id = 3, OrderId = 42 };
        var second = new Shipment { Id = 4, OrderId = 42 };

        await consumer.HandleEventAsync(new ShipmentSentEvent(first));
        await consumer.HandleEventAsync(new ShipmentSentEvent(second));
        await consumer.HandleEventAsync(new ShipmentSentEvent(second));
        await consumer.HandleEventAsync(new ShipmentDeliveredEvent(first));
        await consumer.HandleEventAsync(new ShipmentDeliveredEvent(second));
        // nopCommerce raises the refund event after adding the refund to RefundedAmount.
        _order.RefundedAmount = 10.50m;
        await consumer.HandleEventAsync(new OrderRefundedEvent(_order, 10.50m));
        await consumer.HandleEventAsync(new OrderRefundedEvent(_order, 10.50m));
        _order.RefundedAmount = 25m;
        await consumer.HandleEventAsync(new OrderRefundedEvent(_order, 14.50m));

        var keys = _outbox.Snapshot().Select(r => (r.Event, r.EventSourceId)).ToList();
        Assert.That(keys, Is.EquivalentTo(new (TouchpointEvent, long)[]
        {
            (TouchpointEvent.ShipmentSent, 3), (TouchpointEvent.ShipmentSent, 4), (TouchpointEvent.ShipmentDelivered, 3), (TouchpointEvent.ShipmentDelivered, 4),
            (TouchpointEvent.OrderRefunded, 1050), (TouchpointEvent.OrderRefunded, 2500)
        }));
    }

    [TestCase(OrderStatus.Complete, OrderStatus.Processing)]
    [TestCase(OrderStatus.Processing, OrderStatus.Pending)]
    [TestCase(OrderStatus.Cancelled, OrderStatus.Cancelled)]
    public async Task Status_changes_other_than_to_cancelled_queue_nothing(OrderStatus now, OrderStatus before)
    {
        Activate(TouchpointVendor.VoyadoEngage, TouchpointEvent.OrderCancelled);
        _order.OrderStatus = now;

        await CreateConsumer().HandleEventAsync(new OrderStatusChangedEvent(_order, before));

        Assert.That(_outbox.Snapshot(), Is.Empty);
    }

    [Test]
    public async Task A_shipment_of_an_order_that_no_longer_exists_is_ignored()
    {
        Activate(TouchpointVendor.VoyadoEngage, TouchpointEvent.ShipmentSent);

        await CreateConsumer().HandleEventAsync(new ShipmentSentEvent(new Shipment { Id = 9, OrderId = 404 }));

        Assert.That(_outbox.Snapshot(), Is.Empty);
    }

    // Settings with all three vendors on for both sample stores; nothing is sent here, so the endpoints need no server.
    private static readonly VendorEndpoints Unreached = new("http://127.0.0.1:9/api/v1/transaction", "http://127.0.0.1:9/", "http://127.0.0.1:9/v1/event/");

    // nopCommerce builds every consumer of an event before the try that guards their handlers (EventPublisher.PublishAsync):
    // what the consumer's construction throws reaches PlaceOrderAsync, which reports an error for an order it already saved.
    [Test]
    public async Task A_vendor_channel_that_cannot_be_built_is_caught_in_the_handler_and_costs_only_that_vendor()
    {
        var shop = SampleShop.Create(1);
        var order = shop.Orders.Single();
        await using var host = TouchpointHost.Create(shop, SandboxSettings.Create(Unreached, new OrderTouchpointsDeliverySettings()), _time,
            services => services.AddScoped<VoyadoTouchpointChannel>(_ => throw new UriFormatException("Invalid URI: the proxy address")));
        await using var scope = host.Services.CreateAsyncScope();

        OrderEventsConsumer? consumer = null;
        Assert.DoesNotThrow(() => consumer = scope.ServiceProvider.GetRequiredService<OrderEventsConsumer>());
        Assert.DoesNotThrowAsync(() => consumer!.HandleEventAsync(new OrderPlacedEvent(order)));

        Assert.That(host.Outbox.Snapshot().Select(r => r.Vendor), Is.EquivalentTo(new[] { TouchpointVendor.Transactionale, TouchpointVendor.VtMarketing }));
        Assert.That(host.Nop.ErrorsLogged, Is.EqualTo(1));
    }

    // Checkout raises OrderStatusChangedEvent once or twice per order (Pending → Processing → Complete); only a cancellation
    // concerns the plugin, and a vendor's channel is its send-time graph (HTTP client, payload builders, picture and URL services).
    [Test]
    public async Task Only_an_event_the_consumer_acts_on_builds_the_channel_of_a_vendor_and_then_each_at_most_once()
    {
        var shop = SampleShop.Create(1);
        var order = shop.Orders.Single();
        var built = new Dictionary<Type, int>();
        await using var host = TouchpointHost.Create(shop, SandboxSettings.Create(Unreached, new OrderTouchpointsDeliverySettings()), _time,
            services =>
            {
                services.AddScoped(provider => Counted<TransactionaleTouchpointChannel>(provider, built));
                services.AddScoped(provider => Counted<VoyadoTouchpointChannel>(provider, built));
            });
        await using var scope = host.Services.CreateAsyncScope();
        var consumer = scope.ServiceProvider.GetRequiredService<OrderEventsConsumer>();

        order.OrderStatus = OrderStatus.Processing;
        await consumer.HandleEventAsync(new OrderStatusChangedEvent(order, OrderStatus.Pending));
        Assert.That(built, Is.Empty, "a status change that is no cancellation");

        await consumer.HandleEventAsync(new OrderPlacedEvent(order));
        Assert.That(built, Is.EquivalentTo(new Dictionary<Type, int> { [typeof(TransactionaleTouchpointChannel)] = 1, [typeof(VoyadoTouchpointChannel)] = 1 }));
        Assert.That(host.Outbox.Snapshot(), Has.Count.EqualTo(3));
    }

    private static T Counted<T>(IServiceProvider provider, Dictionary<Type, int> built) where T : class
    {
        built[typeof(T)] = built.GetValueOrDefault(typeof(T)) + 1;
        return ActivatorUtilities.CreateInstance<T>(provider);
    }
}
