using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Core.Domain.Gdpr;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Events;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Services.Common;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Delivery;

/// <summary>
/// GDPR erase: once nopCommerce erased a customer, nothing about them or their orders reaches a vendor — not a later
/// event, not a delivery queued before the erase, not a resend, not the reconciliation, not an Engage contact lookup by
/// the billing email the order keeps. The real consumers, dispatcher and channels against the three contract-checking
/// vendors on 127.0.0.1, judged by what the vendors received.
/// </summary>
public class ErasedCustomerTests
{
    private VendorFarm _vendors = null!;
    private ManualTimeProvider _time = null!;
    private ShopFixture _shop = null!;
    private InMemorySettingStore _settings = null!;
    private TouchpointHost _host = null!;

    // The sample shop's two orders: 1001 (store 1, EUR, customer 100) and 1002 (store 2, SEK at 11.4237, customer 101, Åsa).
    private Order Kept => _shop.Orders[0];
    private Order OfErased => _shop.Orders[1];

    [SetUp]
    public async Task Start()
    {
        _vendors = await VendorFarm.StartAsync();
        _time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        _shop = SampleShop.Create(2);
        _settings = SandboxSettings.Create(VendorEndpoints.Of(_vendors), new OrderTouchpointsDeliverySettings());
        _host = TouchpointHost.Create(_shop, _settings, _time);
    }

    [TearDown]
    public async Task Stop()
    {
        await _host.DisposeAsync();
        await _vendors.DisposeAsync();
    }

    private int RequestsReceived => _vendors.Transactionale.Requests.Count() + _vendors.VtMarketing.Requests.Count() + _vendors.Engage.Requests.Count();

    private Task SettleAsync() => DeliveryLoop.RunUntilSettledAsync(_host.Services.GetRequiredService<DeliveryDispatcher>(), _time);

    private async Task PublishAsync(Func<OrderEventsConsumer, Task> publish)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await publish(scope.ServiceProvider.GetRequiredService<OrderEventsConsumer>());
    }

    private async Task EraseAsync(Order order)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await new CustomerErasureConsumer(services.GetRequiredService<IErasedCustomers>(), services.GetRequiredService<IGenericAttributeService>(),
                services.GetRequiredService<IOrderService>(), services.GetRequiredService<IDeliveryOutbox>(), services.GetRequiredService<ILogger>(), _time)
            .HandleEventAsync(new CustomerPermanentlyDeleted(order.CustomerId, "asa.lindstrom@example.se"));
    }

    private IReadOnlyList<OrderTouchpointDelivery> RowsOf(Order order) => _host.Outbox.Snapshot().Where(r => r.OrderId == order.Id).ToList();

    private static string ErasedReasonStart => "The customer was erased (GDPR) on ";

    [Test]
    public async Task After_the_erase_a_cancel_a_refund_and_a_resend_of_a_delivered_order_reach_no_vendor_and_the_log_says_why()
    {
        await PublishAsync(c => c.HandleEventAsync(new OrderPlacedEvent(OfErased)));
        await SettleAsync();
        Assert.That(RowsOf(OfErased), Has.Count.EqualTo(3).And.All.Matches<OrderTouchpointDelivery>(r => r.Status == DeliveryStatus.Delivered));
        var customer = _shop.Customers.Single(c => c.Id == OfErased.CustomerId);
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            Assert.That(await scope.ServiceProvider.GetRequiredService<IGenericAttributeService>()
                .GetAttributeAsync<string>(customer, OrderTouchpointsDefaults.VoyadoContactIdAttribute, OfErased.StoreId), Is.Not.Null, "Engage's contact id was saved");
        }
        var receivedBeforeErase = RequestsReceived;

        await EraseAsync(OfErased);
        OfErased.OrderStatus = OrderStatus.Cancelled;
        await PublishAsync(c => c.HandleEventAsync(new OrderStatusChangedEvent(OfErased, OrderStatus.Pending)));
        OfErased.RefundedAmount = 12.34m;
        await PublishAsync(c => c.HandleEventAsync(new OrderRefundedEvent(OfErased, 12.34m)));
        Assert.That(RowsOf(OfErased).Where(r => r.Event != TouchpointEvent.OrderPlaced).ToList(), Has.Count.EqualTo(2)
            .And.All.Matches<OrderTouchpointDelivery>(r => r.Status == DeliveryStatus.Skipped), "recorded as skipped when queued, before any send");
        ResendResult resend;
        await using (var scope = _host.Services.CreateAsyncScope())
            resend = await scope.ServiceProvider.GetRequiredService<DeliveryResends>().ResendAsync(RowsOf(OfErased).Select(r => r.Id).ToList(), includeDelivered: true, CancellationToken.None);
        var resentSince = await _host.Reports.ResendFailedSinceAsync(_time.UtcNow.AddDays(-1));
        await SettleAsync();

        Assert.That(RequestsReceived, Is.EqualTo(receivedBeforeErase), "no vendor received anything after the erase");
        Assert.That((resend.Resent, resend.RefusedErased, resentSince), Is.EqualTo((0, 5, 0)));
        var later = RowsOf(OfErased).Where(r => r.Event is TouchpointEvent.OrderCancelled or TouchpointEvent.OrderRefunded).ToList();
        Assert.That(later, Has.Count.EqualTo(2), "the cancel and the refund are recorded for Engage");
        Assert.That(later, Has.All.Matches<OrderTouchpointDelivery>(r => r.Status == DeliveryStatus.Skipped && r.LastReason!.StartsWith(ErasedReasonStart)));
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            Assert.That(await scope.ServiceProvider.GetRequiredService<IGenericAttributeService>()
                .GetAttributeAsync<string>(customer, OrderTouchpointsDefaults.VoyadoContactIdAttribute, OfErased.StoreId), Is.Null, "the saved contact id is gone");
        }
    }

    [Test]
    public async Task A_delivery_queued_before_the_erase_is_checked_again_at_send_time_so_not_even_a_contact_lookup_goes_out()
    {
        await PublishAsync(c => c.HandleEventAsync(new OrderPlacedEvent(OfErased)));
        // The erase recorded on another node while this node had the rows queued: only the send-time check is left.
        await using (var scope = _host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IErasedCustomers>().RecordAsync(OfErased.CustomerId, _time.UtcNow);

        await SettleAsync();

        Assert.That(RequestsReceived, Is.Zero);
        Assert.That(_vendors.Engage.Lookups, Is.Empty);
        Assert.That(RowsOf(OfErased), Has.Count.EqualTo(3)
            .And.All.Matches<OrderTouchpointDelivery>(r => r.Status == DeliveryStatus.Skipped && r.LastReason!.StartsWith(ErasedReasonStart)));
    }

    [Test]
    public async Task The_erase_turns_failed_deliveries_into_skipped_ones_and_drops_what_vendors_echoed_so_resend_failed_since_finds_none()
    {
        const string echo = """{"message":"Invalid phone +46 70 123 45 67 for Åsa Lindström"}""";
        _vendors.Misbehave = (vendor, request) => vendor == TouchpointVendor.VoyadoEngage && request.Path == "/api/v2/orders" ? new FakeResponse(400, echo) : null;
        await PublishAsync(c => c.HandleEventAsync(new OrderPlacedEvent(OfErased)));
        await PublishAsync(c => c.HandleEventAsync(new OrderPlacedEvent(Kept)));
        await SettleAsync();
        var failed = RowsOf(OfErased).Single(r => r.Vendor == TouchpointVendor.VoyadoEngage);
        Assert.That(failed.Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(failed.LastReason, Does.Contain("Lindstr"), "the vendor's answer is kept as the reason until the erase");

        await EraseAsync(OfErased);

        Assert.That(RowsOf(OfErased).Single(r => r.Vendor == TouchpointVendor.VoyadoEngage),
            Has.Property(nameof(OrderTouchpointDelivery.Status)).EqualTo(DeliveryStatus.Skipped)
                .And.Property(nameof(OrderTouchpointDelivery.LastReason)).StartsWith(ErasedReasonStart));
        Assert.That(RowsOf(OfErased).Where(r => r.Status == DeliveryStatus.Delivered).Select(r => r.LastReason), Has.All.Null);
        Assert.That(RowsOf(Kept).Single(r => r.Vendor == TouchpointVendor.VoyadoEngage).Status, Is.EqualTo(DeliveryStatus.Failed),
            "another customer's failed delivery is untouched");
        Assert.That(await _host.Reports.ResendFailedSinceAsync(_time.UtcNow.AddDays(-1)), Is.EqualTo(1), "only the other customer's failed delivery");
        Assert.That(RowsOf(OfErased).Single(r => r.Vendor == TouchpointVendor.VoyadoEngage).Status, Is.EqualTo(DeliveryStatus.Skipped));
    }

    [Test]
    public async Task Resending_selected_deliveries_refuses_those_of_an_erased_customer_and_resends_the_others()
    {
        await PublishAsync(c => c.HandleEventAsync(new OrderPlacedEvent(OfErased)));
        await PublishAsync(c => c.HandleEventAsync(new OrderPlacedEvent(Kept)));
        await SettleAsync();
        await EraseAsync(OfErased);
        var receivedBefore = RequestsReceived;

        ResendResult result;
        await using (var scope = _host.Services.CreateAsyncScope())
            result = await scope.ServiceProvider.GetRequiredService<DeliveryResends>().ResendAsync(_host.Outbox.Snapshot().Select(r => r.Id).ToList(), includeDelivered: true, CancellationToken.None);
        await SettleAsync();

        Assert.That((result.Resent, result.RefusedErased), Is.EqualTo((3, 3)));
        Assert.That(RequestsReceived - receivedBefore, Is.GreaterThanOrEqualTo(3), "the other customer's deliveries went out again");
        Assert.That(_vendors.Transactionale.Requests.Count(r => r.Json.GetProperty("email").GetString() == "asa.lindstrom@example.se"), Is.EqualTo(1),
            "the erased customer's email reached Transactionale once, before the erase");
    }

    [Test]
    public async Task Reconciliation_queues_no_placed_order_of_an_erased_customer_and_records_why()
    {
        foreach (var storeId in new[] { 1, 2 })
        {
            _settings.Set<OrderTouchpointsTransactionaleSettings, DateTime?>(s => s.EnabledOnUtc, _time.UtcNow.AddDays(-2), storeId);
            _settings.Set<OrderTouchpointsVoyadoSettings, DateTime?>(s => s.EnabledOnUtc, _time.UtcNow.AddDays(-2), storeId);
            _settings.Set<OrderTouchpointsVtMarketingSettings, DateTime?>(s => s.EnabledOnUtc, _time.UtcNow.AddDays(-2), storeId);
        }
        // Both orders were placed without their event reaching the plugin; one customer was erased since.
        _time.Advance(TimeSpan.FromHours(1));
        await using (var scope = _host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IErasedCustomers>().RecordAsync(OfErased.CustomerId, _time.UtcNow);

        int queued;
        await using (var scope = _host.Services.CreateAsyncScope())
            queued = await scope.ServiceProvider.GetRequiredService<DeliveryReconciler>().ReconcileAsync(CancellationToken.None);
        await SettleAsync();

        Assert.That(queued, Is.EqualTo(3), "the other customer's order, for each vendor");
        Assert.That(RowsOf(Kept), Has.All.Matches<OrderTouchpointDelivery>(r => r.Status == DeliveryStatus.Delivered));
        Assert.That(RowsOf(OfErased), Has.Count.EqualTo(3)
            .And.All.Matches<OrderTouchpointDelivery>(r => r.Status == DeliveryStatus.Skipped && r.LastReason!.StartsWith(ErasedReasonStart)));
        Assert.That(_vendors.Transactionale.Requests.Count(), Is.EqualTo(1));
        Assert.That(_vendors.Engage.Lookups.Select(FakeEngage.LookedUpEmail), Has.None.EqualTo("asa.lindstrom@example.se"));
    }
}
