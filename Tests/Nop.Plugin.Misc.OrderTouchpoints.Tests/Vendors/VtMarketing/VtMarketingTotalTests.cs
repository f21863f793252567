using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

/// <summary>
/// <c>generic.total</c> is the order's value whatever paid it (docs/vendors.md §3): (OrderTotal + redeemed gift cards
/// + reward points) × CurrencyRate, half away from zero to 2 decimals, never below <c>total_shipping</c>.
/// </summary>
public class VtMarketingTotalTests
{
    private VtMarketingTestBed _bed = null!;

    [SetUp]
    public async Task StartAsync() => _bed = await VtMarketingTestBed.StartAsync();

    [TearDown]
    public async Task StopAsync()
    {
        Assert.That(_bed.Server.ContractViolations, Is.Empty, "contract violations");
        await _bed.DisposeAsync();
    }

    [Test]
    public async Task Total_counts_gift_cards_and_reward_points_of_an_order_with_taxes_discounts_and_shipping_in_the_customer_currency()
    {
        // Two tax rates (22 % and 10 %), an item discount, a subtotal coupon, an order-total discount and shipping with tax:
        // lines 24.40 + 33.00 = 57.40, − 5.00 subtotal coupon, + 12.20 shipping, − 2.00 order discount = 62.60 paid;
        // a gift card paid 20.00 and reward points 7.50, so nopCommerce's OrderTotal is 35.10. Customer currency EUR at 0.9137.
        var order = MoneyOrder(orderTotal: 35.10m, giftCard: 20.00m, rewardPoints: 7.50m, rate: 0.9137m);

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        var generic = VtMarketingTestBed.Generic(_bed.SingleBody());
        // 62.60 × 0.9137 = 57.19762 → 57.20 (OrderTotal alone would be 35.10 × 0.9137 → 32.07).
        Assert.That(generic.GetProperty("total").GetDecimal(), Is.EqualTo(57.20m));
        // 12.20 × 0.9137 = 11.14714 → 11.15
        Assert.That(generic.GetProperty("total_shipping").GetDecimal(), Is.EqualTo(11.15m));
        Assert.That(generic.GetProperty("currency").GetString(), Is.EqualTo("EUR"));
        Assert.That(generic.GetProperty("coupons").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "SAVE5" }));
        Assert.That(order.OrderTotal, Is.EqualTo(35.10m), "the order itself is not changed");
    }

    [Test]
    public async Task Total_is_rounded_half_away_from_zero_after_adding_what_paid_it()
    {
        // 30.00 + 15.00 gift card + 5.00 reward points = 50.00; × 1.1337 = 56.685 → 56.69 (banker's rounding would give 56.68).
        MoneyOrder(orderTotal: 30.00m, giftCard: 15.00m, rewardPoints: 5.00m, rate: 1.1337m);

        await _bed.DeliverAsync();

        Assert.That(VtMarketingTestBed.Generic(_bed.SingleBody()).GetProperty("total").GetDecimal(), Is.EqualTo(56.69m));
    }

    [Test]
    public async Task Order_paid_entirely_by_gift_card_is_sent_with_its_value_not_zero()
    {
        MoneyOrder(orderTotal: 0m, giftCard: 62.60m, rewardPoints: 0m, rate: 1m);

        await _bed.DeliverAsync();

        Assert.That(VtMarketingTestBed.Generic(_bed.SingleBody()).GetProperty("total").GetDecimal(), Is.EqualTo(62.60m));
    }

    [Test]
    public async Task Total_is_never_below_the_shipping_it_includes()
    {
        // An order-total discount larger than the lines leaves 4.00 to pay against 12.20 shipping.
        MoneyOrder(orderTotal: 4.00m, giftCard: 0m, rewardPoints: 0m, rate: 0.9137m);

        await _bed.DeliverAsync();

        var generic = VtMarketingTestBed.Generic(_bed.SingleBody());
        Assert.That(generic.GetProperty("total_shipping").GetDecimal(), Is.EqualTo(11.15m));
        Assert.That(generic.GetProperty("total").GetDecimal(), Is.EqualTo(11.15m));
    }

    private Order MoneyOrder(decimal orderTotal, decimal giftCard, decimal rewardPoints, decimal rate)
    {
        var shop = _bed.Context.Shop;
        var order = _bed.Context.Order;
        order.CurrencyRate = rate;
        order.CustomerCurrencyCode = "EUR";
        order.TaxRates = "10:3.00;22:6.60;";
        order.OrderSubTotalDiscountInclTax = 5.00m;
        order.OrderShippingInclTax = 12.20m;
        order.OrderShippingExclTax = 10.00m;
        order.OrderDiscount = 2.00m;
        order.OrderTotal = orderTotal;
        shop.OrderItems.Single(i => i.Id == 1001).PriceInclTax = 24.40m;
        shop.OrderItems.Single(i => i.Id == 1001).PriceExclTax = 20.00m;
        var moka = shop.OrderItems.Single(i => i.Id == 1002);
        moka.PriceInclTax = 33.00m;
        moka.PriceExclTax = 30.00m;
        moka.DiscountAmountInclTax = 3.30m;
        shop.Discounts.Add(new Discount { Id = 1, Name = "Save 5", DiscountType = DiscountType.AssignedToOrderSubTotal, RequiresCouponCode = true, CouponCode = "SAVE5" });
        shop.DiscountUsages.Add(new DiscountUsageHistory { Id = 1, DiscountId = 1, OrderId = order.Id });
        if (giftCard != 0m)
            shop.GiftCardUsages.Add(new GiftCardUsageHistory { Id = 1, UsedWithOrderId = order.Id, UsedValue = giftCard });
        if (rewardPoints != 0m)
        {
            shop.RewardPointsHistory.Add(new RewardPointsHistory { Id = 9, UsedAmount = rewardPoints });
            order.RedeemedRewardPointsEntryId = 9;
        }
        return order;
    }
}
