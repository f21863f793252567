using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Delivery;

/// <summary>
/// An order event's rows for several vendors read the order once while their sends are out together, whether or not one
/// claim took them; a later send or a later event reads it again. The
/// real consumer, dispatcher and channels, nopCommerce's services in memory (counted), contract-checking vendors on 127.0.0.1.
/// </summary>
public class OrderReadsTests
{
    private static readonly TouchpointVendor[] AllVendors = [TouchpointVendor.Transactionale, TouchpointVendor.VoyadoEngage, TouchpointVendor.VtMarketing];

    private VendorFarm _vendors = null!;
    private ShopFixture _shop = null!;
    private TouchpointHost _host = null!;
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentDictionary<Type, int> _builds = new();

    // Order index 1 of the sample shop: store 2, in SEK at 11.4237, 22 % and 10 % VAT lines, shipping, a coupon and a gift card.
    private Order Order => _shop.Orders[1];

    [SetUp]
    public async Task Start()
    {
        _calls.Clear();
        _builds.Clear();
        _vendors = await VendorFarm.StartAsync();
        _shop = SampleShop.Create(2);
        Order.PaymentStatus = PaymentStatus.Pending;
        StartHost(new OrderTouchpointsDeliverySettings());
    }

    private void StartHost(OrderTouchpointsDeliverySettings delivery) =>
        _host = TouchpointHost.Create(_shop, SandboxSettings.Create(VendorEndpoints.Of(_vendors), delivery),
            new ManualTimeProvider(DateTimeOffset.UtcNow), services =>
            {
                Count<IOrderQueries>(services);
                Count<IOrderService>(services);
                Count<IGiftCardService>(services);
                Count<IErasedCustomers>(services);
            });

    private async Task RestartHostAsync(int maxConcurrentSends)
    {
        await _host.DisposeAsync();
        StartHost(new OrderTouchpointsDeliverySettings { MaxConcurrentSends = maxConcurrentSends });
    }

    [TearDown]
    public async Task Stop()
    {
        await _host.DisposeAsync();
        await _vendors.DisposeAsync();
    }

    [Test]
    public async Task An_orders_rows_for_three_vendors_claimed_together_read_the_order_its_customer_its_lines_and_discounts_and_check_its_erasure_once()
    {
        await _host.PlaceOrderAsync(Order);

        var drained = await DrainAsync();

        Assert.That(drained.Attempts, Is.EqualTo(3), "one claim took the order's three rows");
        AssertEachVendorAcceptedOnce();
        Assert.That(Calls(nameof(IOrderQueries.FindAsync)), Is.EqualTo(1), "the order with its customer and addresses, for all three");
        Assert.That(Calls(nameof(IOrderService.GetOrderItemsAsync)), Is.EqualTo(1), "its lines, for Engage and VTmarketing");
        Assert.That(Calls(nameof(IGiftCardService.GetGiftCardUsageHistoryAsync)), Is.EqualTo(1), "its gift cards, for Engage and VTmarketing");
        Assert.That(Calls(nameof(IOrderQueries.UsedDiscountsAsync)), Is.EqualTo(1), "its discounts, for Engage and VTmarketing");
        Assert.That(Calls(nameof(IErasedCustomers.ErasedOnUtcOfOrderAsync)), Is.EqualTo(1), "the send-time GDPR check, for all three");
    }

    [Test]
    public async Task The_three_sends_of_an_order_event_build_the_order_reading_services_only_in_the_send_that_reads()
    {
        await _host.PlaceOrderAsync(Order);

        await DrainAsync();

        AssertEachVendorAcceptedOnce();
        Assert.That(Builds<IOrderQueries>(), Is.LessThan(3), "built by the send that reads the order and the one that reads its discounts, not by all three");
        Assert.That(Builds<IGiftCardService>(), Is.EqualTo(1), "the gift cards are read by one send, for Engage and VTmarketing");
    }

    [Test]
    public async Task Rows_of_one_order_event_claimed_one_by_one_share_the_reads_while_their_sends_are_out()
    {
        await RestartHostAsync(maxConcurrentSends: 2);
        // Two slots: the first claim takes Transactionale's row (the first written) and one other. Transactionale answers only
        // once the other two vendors were asked, so its send is still out when a slot frees up and the third row is claimed
        // on its own, and that send has read the order by the time it asks its vendor.
        using var othersAsked = new CountdownEvent(2);
        var engageAsked = 0;
        _vendors.Misbehave = (vendor, _) =>
        {
            if (vendor == TouchpointVendor.Transactionale)
                othersAsked.Wait(TimeSpan.FromSeconds(30));
            else if (vendor == TouchpointVendor.VtMarketing || Interlocked.Exchange(ref engageAsked, 1) == 0)
                othersAsked.Signal();
            return null;
        };
        await _host.PlaceOrderAsync(Order);

        var drained = await DrainAsync();

        Assert.That(drained.Attempts, Is.EqualTo(3));
        AssertEachVendorAcceptedOnce();
        Assert.That(Calls(nameof(IOrderQueries.FindAsync)), Is.EqualTo(1), "the order, for all three");
        Assert.That(Calls(nameof(IErasedCustomers.ErasedOnUtcOfOrderAsync)), Is.EqualTo(1), "the send-time GDPR check, for all three");
    }

    [Test]
    public async Task A_send_that_starts_after_the_others_of_its_event_are_done_reads_the_order_again()
    {
        await RestartHostAsync(maxConcurrentSends: 1);
        await _host.PlaceOrderAsync(Order);

        var drained = await DrainAsync();

        Assert.That(drained.Attempts, Is.EqualTo(3));
        AssertEachVendorAcceptedOnce();
        Assert.That(Calls(nameof(IOrderQueries.FindAsync)), Is.EqualTo(3), "one send at a time: no read outlives its send");
        Assert.That(Calls(nameof(IErasedCustomers.ErasedOnUtcOfOrderAsync)), Is.EqualTo(3));
    }

    [Test]
    public async Task A_later_event_reads_the_order_again_and_sends_what_it_is_now()
    {
        await _host.PlaceOrderAsync(Order);
        await DrainAsync();
        Order.PaymentStatus = PaymentStatus.Paid;
        await using (var scope = _host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Events.OrderEventsConsumer>().HandleEventAsync(new OrderPaidEvent(Order));

        await DrainAsync();

        Assert.That(Calls(nameof(IOrderQueries.FindAsync)), Is.EqualTo(2));
        Assert.That(Calls(nameof(IErasedCustomers.ErasedOnUtcOfOrderAsync)), Is.EqualTo(2), "each event's sends check the customer's erasure again");
        var orderPosts = _vendors.Engage.Server.Answered
            .Where(a => a.Request.Path == "/api/v2/orders" && a.Status is >= 200 and < 300)
            .Select(a => a.Request.Json.GetProperty("paymentStatus").GetString())
            .ToList();
        Assert.That(orderPosts, Has.Count.EqualTo(2));
        Assert.That(orderPosts[1], Is.Not.EqualTo(orderPosts[0]), "the paid post shows the order as paid, not as the placed post read it");
        Assert.That(AllVendors.SelectMany(_vendors.Violations), Is.Empty);
    }

    private async Task<DrainResult> DrainAsync() =>
        await _host.Services.GetRequiredService<DeliveryDispatcher>().DrainAsync(CancellationToken.None);

    private void AssertEachVendorAcceptedOnce()
    {
        foreach (var vendor in AllVendors)
        {
            Assert.That(_vendors.Violations(vendor), Is.Empty, vendor.ToString());
            Assert.That(_vendors.AcceptedDeliveries(vendor), Is.EqualTo(1), vendor.ToString());
        }
        Assert.That(_host.Outbox.Snapshot(), Has.All.Matches<OrderTouchpointDelivery>(row => row.Status == DeliveryStatus.Delivered));
    }

    private int Calls(string method) => _calls.GetValueOrDefault(method);

    private int Builds<TService>() => _builds.GetValueOrDefault(typeof(TService));

    // Replaces the in-memory service with a proxy that counts its calls by method name, and its builds: scoped, as in
    // nopCommerce, so each DI scope that takes the service builds it once.
    private void Count<TService>(IServiceCollection services) where TService : class
    {
        var proxy = CallCounter<TService>.Wrap((TService)services.Single(d => d.ServiceType == typeof(TService)).ImplementationInstance!, _calls);
        services.RemoveAll<TService>();
        services.AddScoped(_ =>
        {
            _builds.AddOrUpdate(typeof(TService), 1, (_, built) => built + 1);
            return proxy;
        });
    }
}
