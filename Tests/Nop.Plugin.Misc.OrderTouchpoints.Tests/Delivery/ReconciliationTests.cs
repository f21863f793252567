using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Services.Configuration;
using Nop.Services.Orders;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Delivery;

/// <summary>Placed orders of the last 24 hours without a delivery get one — never from before the vendor was enabled.</summary>
public class ReconciliationTests
{
    private ManualTimeProvider _time = null!;
    private InMemoryDeliveryOutbox _outbox = null!;
    private readonly List<Order> _orders = [];
    private readonly Dictionary<(TouchpointVendor, int), DateTime?> _enabledOn = [];
    private Mock<IOrderService> _orderService = null!;
    private readonly Dictionary<(TouchpointVendor, int), bool> _active = [];

    private DateTime Now => _time.UtcNow;

    [SetUp]
    public void CreateShop()
    {
        _time = new ManualTimeProvider();
        _outbox = new InMemoryDeliveryOutbox(_time);
        _orders.Clear();
        _active.Clear();
        _enabledOn.Clear();
        _orderService = OrderSearch(_orders);
        _enabledOn[(TouchpointVendor.Transactionale, 1)] = Now.AddDays(-2);
        _enabledOn[(TouchpointVendor.VoyadoEngage, 1)] = null;
        _enabledOn[(TouchpointVendor.VtMarketing, 2)] = Now.AddHours(-2);
        _active[(TouchpointVendor.Transactionale, 1)] = true;
        _active[(TouchpointVendor.VoyadoEngage, 1)] = true;
        _active[(TouchpointVendor.VtMarketing, 2)] = true;
    }

    /// <summary>SearchOrdersAsync over a list, honouring store, creation date and paging like nopCommerce.</summary>
    public static Mock<IOrderService> OrderSearch(List<Order> orders)
    {
        var service = new Mock<IOrderService>();
        service.Setup(s => s.SearchOrdersAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(),
                It.IsAny<int>(), It.IsAny<string>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<List<int>>(), It.IsAny<List<int>>(),
                It.IsAny<List<int>>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<int>(),
                It.IsAny<bool>()))
            // More parameters than Moq's typed callbacks take: read them by position.
            .Returns(new InvocationFunc(call =>
            {
                var (storeId, customerId) = ((int)call.Arguments[0], (int)call.Arguments[2]);
                var (from, to) = ((DateTime?)call.Arguments[8], (DateTime?)call.Arguments[9]);
                var (pageIndex, pageSize) = ((int)call.Arguments[17], (int)call.Arguments[18]);
                var matching = orders
                    .Where(o => (storeId == 0 || o.StoreId == storeId) && (customerId == 0 || o.CustomerId == customerId)
                        && (from == null || o.CreatedOnUtc >= from) && (to == null || o.CreatedOnUtc <= to) && !o.Deleted)
                    .OrderByDescending(o => o.CreatedOnUtc).ToList();
                return Task.FromResult<IPagedList<Order>>(
                    new TestPagedList<Order>(matching.Skip(pageIndex * pageSize).Take(pageSize), pageIndex, pageSize, matching.Count));
            }));
        return service;
    }

    private Order AddOrder(int id, int storeId, TimeSpan age)
    {
        var order = new Order { Id = id, StoreId = storeId, CustomerId = 7, CreatedOnUtc = Now - age };
        _orders.Add(order);
        return order;
    }

    public DeliveryReconciler CreateReconciler(IOrderService? orderService = null)
    {
        var channels = Enum.GetValues<TouchpointVendor>().Select(vendor =>
        {
            var channel = new Mock<ITouchpointChannel>();
            channel.SetupGet(c => c.Facts).Returns(TestVendors.Registered.Of(vendor));
            channel.Setup(c => c.IsActiveForAsync(It.IsAny<int>(), It.IsAny<TouchpointEvent>())).ReturnsAsync((int storeId, TouchpointEvent e) =>
                e == TouchpointEvent.OrderPlaced && _active.GetValueOrDefault((vendor, storeId)));
            channel.Setup(c => c.GetEnabledOnUtcAsync(It.IsAny<int>())).ReturnsAsync((int storeId) => _enabledOn.GetValueOrDefault((vendor, storeId)));
            return channel.Object;
        }).ToList();
        var stores = new Mock<IStoreService>();
        stores.Setup(s => s.GetAllStoresAsync()).ReturnsAsync([new Store { Id = 1 }, new Store { Id = 2 }]);
        return new DeliveryReconciler(stores.Object, orderService ?? _orderService.Object, channels, _outbox, new InMemoryErasedCustomers(), _time);
    }

    [Test]
    public async Task Queues_missing_placed_order_deliveries_of_the_last_24_hours_only()
    {
        AddOrder(1, storeId: 1, TimeSpan.FromHours(30));
        var missing = AddOrder(2, storeId: 1, TimeSpan.FromHours(10));
        AddOrder(3, storeId: 1, TimeSpan.FromHours(1));
        await _outbox.EnqueueAsync(1, 3, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale], Now);

        var queued = await CreateReconciler().ReconcileAsync(CancellationToken.None);

        Assert.That(queued, Is.EqualTo(1));
        var rows = _outbox.Snapshot();
        Assert.That(rows.Select(r => (r.OrderId, r.Vendor)), Is.EquivalentTo(new[] { (2, TouchpointVendor.Transactionale), (3, TouchpointVendor.Transactionale) }));
        Assert.That(rows.Single(r => r.OrderId == 2).EventOccurredOnUtc, Is.EqualTo(missing.CreatedOnUtc));
        Assert.That(await CreateReconciler().ReconcileAsync(CancellationToken.None), Is.Zero, "a second pass finds nothing missing");
    }

    [Test]
    public async Task Never_reaches_back_before_the_vendor_was_enabled_for_the_store()
    {
        AddOrder(10, storeId: 2, TimeSpan.FromHours(5));
        AddOrder(11, storeId: 2, TimeSpan.FromHours(1));

        await CreateReconciler().ReconcileAsync(CancellationToken.None);

        Assert.That(_outbox.Snapshot().Select(r => (r.OrderId, r.Vendor)), Is.EqualTo(new[] { (11, TouchpointVendor.VtMarketing) }));
    }

    [Test]
    public async Task A_vendor_active_for_the_store_but_never_switched_on_is_left_out()
    {
        AddOrder(20, storeId: 1, TimeSpan.FromHours(2));

        await CreateReconciler().ReconcileAsync(CancellationToken.None);

        Assert.That(_outbox.Snapshot().Select(r => r.Vendor), Is.EqualTo(new[] { TouchpointVendor.Transactionale }),
            "Voyado is active for store 1 but has no EnabledOnUtc");
    }

    [Test]
    public async Task An_inactive_vendor_is_left_out_whenever_it_was_switched_on()
    {
        AddOrder(20, storeId: 1, TimeSpan.FromHours(2));
        _enabledOn[(TouchpointVendor.VoyadoEngage, 1)] = Now.AddDays(-1);
        _active[(TouchpointVendor.Transactionale, 1)] = false;

        await CreateReconciler().ReconcileAsync(CancellationToken.None);

        Assert.That(_outbox.Snapshot().Select(r => r.Vendor), Is.EqualTo(new[] { TouchpointVendor.VoyadoEngage }));
    }

    [Test]
    public async Task Walks_every_page_of_a_busy_day()
    {
        for (var id = 1; id <= 1_234; id++)
            AddOrder(id, storeId: 1, DeliveryReconciler.GracePeriod + TimeSpan.FromMinutes(id));

        Assert.That(await CreateReconciler().ReconcileAsync(CancellationToken.None), Is.EqualTo(1_234));
        Assert.That(_outbox.Snapshot(), Has.Count.EqualTo(1_234));
    }

    [Test]
    public async Task Leaves_an_order_younger_than_the_grace_period_alone_because_it_may_still_be_being_placed()
    {
        AddOrder(30, storeId: 1, TimeSpan.FromMinutes(2));

        Assert.That(await CreateReconciler().ReconcileAsync(CancellationToken.None), Is.Zero);

        _time.Advance(DeliveryReconciler.GracePeriod);
        Assert.That(await CreateReconciler().ReconcileAsync(CancellationToken.None), Is.EqualTo(1));
        Assert.That(_outbox.Snapshot().Single().OrderId, Is.EqualTo(30));
    }

    [Test]
    public async Task Searches_each_stores_orders_once_whatever_the_number_of_vendors()
    {
        _enabledOn[(TouchpointVendor.VoyadoEngage, 1)] = Now.AddDays(-1);
        AddOrder(40, storeId: 1, TimeSpan.FromHours(3));
        AddOrder(41, storeId: 2, TimeSpan.FromHours(1));

        var queued = await CreateReconciler().ReconcileAsync(CancellationToken.None);

        Assert.That(queued, Is.EqualTo(3), "Transactionale and Voyado for store 1, VTmarketing for store 2");
        _orderService.Verify(o => o.SearchOrdersAsync(1, It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(),
            It.IsAny<int>(), It.IsAny<string>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<List<int>>(), It.IsAny<List<int>>(),
            It.IsAny<List<int>>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<int>(),
            It.IsAny<bool>()), Times.Once);
    }
}
