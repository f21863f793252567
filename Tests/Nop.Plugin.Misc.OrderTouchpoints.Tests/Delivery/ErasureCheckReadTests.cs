using Microsoft.Extensions.DependencyInjection;
using Nop.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Delivery;

/// <summary>
/// The store's send-time erasure check (<see cref="DbErasedCustomers"/>) takes the order's customer from the order read its
/// send shares with the order event's other sends, so checking costs no read of the order of its own.
/// </summary>
public class ErasureCheckReadTests
{
    private static readonly DateTime ErasedOnUtc = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    private ShopFixture _shop = null!;
    private Nop.Core.Domain.Orders.Order _order = null!;
    private OrderDataLoader _loader = null!;
    private KnownErasures _known = null!;
    private DbErasedCustomers _erased = null!;

    [SetUp]
    public void Start()
    {
        _shop = ShopFixture.WithSampleOrder(out _order);
        var row = new OrderTouchpointDelivery { OrderId = _order.Id, StoreId = _order.StoreId, Event = TouchpointEvent.OrderPlaced };
        // As the dispatcher sets up a send's scope: its loader joined to the reads of the row's order event.
        _loader = new OrderDataLoader(_shop.CreateServices()) { SharedReads = new OrderReads().Join(row) };
        _known = new KnownErasures(TimeProvider.System);
        var scope = new ServiceCollection().AddSingleton(_loader).BuildServiceProvider();
        _erased = new DbErasedCustomers(Mock.Of<IRepository<OrderTouchpointErasedCustomer>>(), scope, _known);
    }

    [Test]
    public async Task An_erased_customers_order_is_found_and_the_send_then_reads_no_more_of_the_order()
    {
        _known.Add(_order.CustomerId, ErasedOnUtc);

        Assert.That(await _erased.ErasedOnUtcOfOrderAsync(_order.Id), Is.EqualTo(ErasedOnUtc));
        Assert.That((await _loader.LoadAsync(_order.Id))?.Email, Is.EqualTo("giulia.rossi@example.com"), "the payload's read of the order");
        _shop.OrderQueries.Verify(q => q.FindAsync(_order.Id), Times.Once());
    }

    [Test]
    public async Task A_customer_not_erased_and_an_unknown_order_give_no_erase_time()
    {
        _known.Add(_order.CustomerId + 1, ErasedOnUtc);

        Assert.That(await _erased.ErasedOnUtcOfOrderAsync(_order.Id), Is.Null);
        Assert.That(await _erased.ErasedOnUtcOfOrderAsync(999), Is.Null);
    }
}
