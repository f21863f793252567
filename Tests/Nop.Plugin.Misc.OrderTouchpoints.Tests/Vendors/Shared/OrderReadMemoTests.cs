using Moq;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;

/// <summary>One read of an order per attempt of an event, shared by the vendors that send it at the same time.</summary>
public class OrderReadMemoTests
{
    private static readonly DeliveryRequest Placed = new(1, 42, TouchpointEvent.OrderPlaced, new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc));

    private ManualTimeProvider _clock = null!;
    private ShopFixture _shop = null!;
    private Order _order = null!;
    private OrderReadMemo _memo = null!;

    [SetUp]
    public void SampleOrder()
    {
        _clock = new ManualTimeProvider();
        _shop = ShopFixture.WithSampleOrder(out _order);
        _memo = new OrderReadMemo(_clock);
    }

    // What one vendor's delivery reads, through a loader of its own (each send has its own DI scope).
    private async Task<(OrderData? Data, IReadOnlyList<OrderLine> Lines)> ReadAsVendorAsync(DeliveryRequest request)
    {
        var loader = _shop.CreateLoader(_memo);
        var data = await loader.LoadAsync(request);
        var lines = await loader.LoadLinesAsync(request, data!.Order, data.Order.CustomerLanguageId);
        await loader.LoadRedemptionsAsync(request, data.Order);
        await loader.LoadCouponCodesAsync(request);
        return (data, lines);
    }

    [Test]
    public async Task Three_vendors_sending_one_placed_order_at_once_read_it_once()
    {
        var reads = await Task.WhenAll(ReadAsVendorAsync(Placed), ReadAsVendorAsync(Placed), ReadAsVendorAsync(Placed));

        _shop.OrderService.Verify(s => s.GetOrderByIdAsync(42), Times.Once);
        _shop.OrderService.Verify(s => s.GetOrderItemsAsync(42, It.IsAny<bool?>(), It.IsAny<bool?>(), It.IsAny<int>()), Times.Once);
        Assert.That(reads.Select(r => r.Data!.Order.Id), Is.All.EqualTo(42));
        Assert.That(reads.Select(r => r.Lines.Count), Is.All.EqualTo(2));
    }

    [Test]
    public async Task A_retry_a_later_event_and_a_read_older_than_its_lifetime_read_the_order_again()
    {
        await ReadAsVendorAsync(Placed);
        _order.PaymentStatus = Nop.Core.Domain.Payments.PaymentStatus.Paid;

        var retry = await ReadAsVendorAsync(Placed with { Attempt = 2 });
        var paid = await ReadAsVendorAsync(Placed with { Event = TouchpointEvent.OrderPaid });
        _clock.Advance(OrderReadMemo.Lifetime);
        await ReadAsVendorAsync(Placed);

        _shop.OrderService.Verify(s => s.GetOrderByIdAsync(42), Times.Exactly(4));
        Assert.That(paid.Data!.Order.PaymentStatus, Is.EqualTo(Nop.Core.Domain.Payments.PaymentStatus.Paid));
        Assert.That(retry.Data, Is.Not.Null);
    }

    [Test]
    public async Task A_backlog_drain_keeps_only_its_latest_reads_so_memory_stays_bounded()
    {
        var loader = _shop.CreateLoader(_memo);
        await loader.LoadAsync(Placed);
        for (var attempt = 2; attempt <= 301; attempt++)
            await loader.LoadAsync(Placed with { Attempt = attempt });

        // Within its lifetime, the first read has given way to the 300 after it.
        await loader.LoadAsync(Placed);

        _shop.OrderService.Verify(s => s.GetOrderByIdAsync(42), Times.Exactly(302));
    }

    [Test]
    public async Task A_failed_read_is_not_shared_with_the_next_delivery()
    {
        _shop.OrderService.SetupSequence(s => s.GetOrderByIdAsync(42))
            .ThrowsAsync(new TimeoutException("database busy"))
            .ReturnsAsync(_order);

        Assert.ThrowsAsync<TimeoutException>(() => _shop.CreateLoader(_memo).LoadAsync(Placed));
        var second = await _shop.CreateLoader(_memo).LoadAsync(Placed);

        Assert.That(second?.Order.Id, Is.EqualTo(42));
    }
}
