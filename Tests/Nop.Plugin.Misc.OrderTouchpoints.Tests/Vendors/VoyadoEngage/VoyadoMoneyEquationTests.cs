using System.Text.Json;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;

/// <summary>
/// Engage's three published validations over many generated orders (a property test): random lines at several
/// tax rates per order, prices entered with tax (tax-inclusive display) or without (tax-exclusive: the line totals
/// with tax are derived), item, subtotal and order-total discounts with and without coupons, gift cards, reward
/// points (some orders paid in full by them), shipping, positive and negative payment fees, cash-rounded totals and
/// currency rates from 0.0001 to 200.
/// Seeded, so a failure names an order that can be regenerated.
/// </summary>
public class VoyadoMoneyEquationTests
{
    private const int OrderCount = 400;
    private const int Seed = 20261201;
    private static readonly decimal[] TaxRates = [0m, 4m, 5.5m, 7.7m, 10m, 19m, 21m, 22m, 25m];

    [Test]
    public async Task Generated_orders_pass_the_three_published_validations()
    {
        await using var bed = await VoyadoTestBed.StartAsync();
        bed.SaveContactId(7, "a0000001-0000-4000-8000-000000000001");
        bed.Engage.AddContact("giulia.rossi@example.com", "a0000001-0000-4000-8000-000000000001");
        bed.Shop.Discounts.AddRange([
            new Discount { Id = 1, Name = "Sale", DiscountType = DiscountType.AssignedToSkus },
            new Discount { Id = 2, Name = "Ten off", DiscountType = DiscountType.AssignedToOrderSubTotal, RequiresCouponCode = true, CouponCode = "TEN" },
            new Discount { Id = 3, Name = "Loyalty", DiscountType = DiscountType.AssignedToOrderTotal }
        ]);
        var random = new Random(Seed);
        var generated = new Dictionary<string, Generated>();

        for (var n = 0; n < OrderCount; n++)
        {
            var order = Generate(bed.Shop, 10_000 + n, random);
            var outcome = await bed.DeliverAsync(order: order.Order);
            Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), $"order {order.Order.Id}: {outcome.Reason}");
            generated[order.Order.CustomOrderNumber] = order;
        }

        // The fake tenant applies the three validations to every post it receives, too.
        Assert.That(bed.Engage.Violations, Is.Empty);
        Assert.That(bed.Engage.OrderPosts, Has.Count.EqualTo(OrderCount));
        var roundedOff = 0;
        var spread = 0;
        var paidInFull = 0;
        foreach (var post in bed.Engage.OrderPosts)
        {
            var body = post.Json;
            var number = body.GetProperty("orderNumber").GetString()!;
            var source = generated[number];
            var because = $"order {number} (seed {Seed})";
            var sums = EngageMoney.AssertValidationsHold(body, because);

            // Only conversion cents and nopCommerce's cash rounding may end up in the round-off; anything larger
            // would mean a discount, gift card, reward points or fee is missing or counted twice.
            Assert.That(Math.Abs(sums.RoundOff), Is.LessThanOrEqualTo(source.MaxRoundOff), $"{because}: {sums}");
            if (sums.RoundOff != 0m)
                roundedOff++;
            Assert.That(sums.Total, Is.EqualTo(Money(source.PaidByAnyMeans, source.Order.CurrencyRate)), $"{because}: totalGrossPrice is everything paid");

            var items = body.GetProperty("items").EnumerateArray().ToList();
            var shares = items.Sum(i => Discounts(i, "OrderDiscount"));
            Assert.That(-shares, Is.EqualTo(Money(source.OrderLevelDiscount, source.Order.CurrencyRate)), $"{because}: order-level discounts are spread to the cent");
            if (shares != 0m)
                spread++;
            foreach (var item in items.Where(i => i.TryGetProperty("taxPercent", out _)))
                Assert.That(source.Rates, Does.Contain(item.GetProperty("taxPercent").GetDecimal()), $"{because}: a line's rate is one the order recorded");

            var payments = body.TryGetProperty("paymentMethods", out var methods) ? methods.EnumerateArray().Sum(m => m.GetProperty("value").GetDecimal()) : 0m;
            Assert.That(payments, Is.EqualTo(sums.Total), $"{because}: the payment methods pay the total");
            if (source.Order.OrderTotal == 0m)
            {
                Assert.That(body.GetProperty("paymentMethods").EnumerateArray().Select(m => m.GetProperty("type").GetString()), Does.Not.Contain("Payment"),
                    $"{because}: nothing was charged");
                paidInFull++;
            }
        }
        Assert.That(roundedOff, Is.GreaterThan(OrderCount / 10), "the generated orders must include many where rounding bites");
        Assert.That(spread, Is.GreaterThan(OrderCount / 5), "the generated orders must include many with order-level discounts");
        Assert.That(paidInFull, Is.GreaterThan(OrderCount / 40), "the generated orders must include some paid in full by gift cards and points");
    }

    private static decimal Discounts(JsonElement item, string type) =>
        item.TryGetProperty("discounts", out var discounts)
            ? discounts.EnumerateArray().Where(d => d.GetProperty("type").GetString() == type).Sum(d => d.GetProperty("value").GetDecimal())
            : 0m;

    private static decimal Money(decimal amount, decimal rate) => Math.Round(amount * rate, 2, MidpointRounding.AwayFromZero);

    private sealed record Generated(Order Order, decimal PaidByAnyMeans, decimal OrderLevelDiscount, IReadOnlyList<decimal> Rates, decimal MaxRoundOff);

    /// <summary>A consistent nopCommerce order (primary currency) as checkout would have stored it.</summary>
    private static Generated Generate(ShopFixture shop, int id, Random random)
    {
        decimal Amount(decimal max) => Math.Round((decimal)random.NextDouble() * max, 2, MidpointRounding.AwayFromZero);
        decimal WithTax(decimal excl, decimal rate) => Math.Round(excl * (1m + rate / 100m), 2, MidpointRounding.AwayFromZero);
        decimal WithoutTax(decimal incl, decimal rate) => Math.Round(incl / (1m + rate / 100m), 2, MidpointRounding.AwayFromZero);
        var rate = random.Next(5) switch
        {
            0 => 1m,
            1 => Math.Round(0.5m + (decimal)random.NextDouble() * 2m, 4),
            2 => Math.Round(1m + (decimal)random.NextDouble() * 199m, 6),
            3 => Math.Round(0.0001m + (decimal)random.NextDouble() * 0.1m, 8),
            _ => 1.1337m
        };
        var taxInclusive = random.Next(2) == 0;
        var orderRates = Enumerable.Range(0, random.Next(1, 4)).Select(_ => TaxRates[random.Next(TaxRates.Length)]).Distinct().ToList();
        var taxByRate = new SortedDictionary<decimal, decimal>();
        var discounts = new HashSet<int>();

        var lineCount = random.Next(1, 13);
        for (var line = 0; line < lineCount; line++)
        {
            var quantity = random.Next(1, 6);
            var taxRate = orderRates[random.Next(orderRates.Count)];
            var unit = Amount(300m) + 0.01m;
            // Tax-inclusive display: the shop's prices include tax; tax-exclusive: they do not and nopCommerce adds it.
            var (gross, grossExcl) = taxInclusive ? (unit * quantity, WithoutTax(unit * quantity, taxRate)) : (WithTax(unit * quantity, taxRate), unit * quantity);
            var itemDiscount = random.Next(3) == 0 ? Amount(gross * 0.3m) : 0m;
            if (itemDiscount > 0m)
                discounts.Add(1);
            var incl = gross - itemDiscount;
            var excl = taxInclusive ? WithoutTax(incl, taxRate) : grossExcl - WithoutTax(itemDiscount, taxRate);
            incl = taxInclusive ? incl : WithTax(excl, taxRate);
            shop.OrderItems.Add(new OrderItem
            {
                Id = id * 100 + line, OrderId = id, ProductId = line % 2 == 0 ? 501 : 502, Quantity = quantity,
                PriceInclTax = incl, PriceExclTax = excl, DiscountAmountInclTax = itemDiscount
            });
            taxByRate[taxRate] = taxByRate.GetValueOrDefault(taxRate) + incl - excl;
        }
        var subtotal = shop.OrderItems.Where(i => i.OrderId == id).Sum(i => i.PriceInclTax);
        var subtotalDiscount = random.Next(3) == 0 ? Amount(subtotal * 0.2m) : 0m;
        if (subtotalDiscount > 0m)
            discounts.Add(2);
        var shippingRate = orderRates[0];
        var shipping = random.Next(4) == 0 ? 0m : Amount(40m);
        var paymentFee = random.Next(5) switch
        {
            0 => -Math.Min(Amount(5m), Math.Round(subtotal / 2m, 2)),
            1 or 2 => Amount(10m),
            _ => 0m
        };
        var running = subtotal - subtotalDiscount + shipping + paymentFee;
        var orderDiscount = random.Next(3) == 0 ? Amount(running * 0.1m) : 0m;
        if (orderDiscount > 0m)
            discounts.Add(3);
        running -= orderDiscount;
        var giftCards = new List<decimal>();
        for (var card = random.Next(3) == 0 ? random.Next(1, 3) : 0; card > 0; card--)
            giftCards.Add(Amount(running * 0.4m));
        running -= giftCards.Sum();
        var rewardPoints = random.Next(3) == 0 ? Amount(running * 0.5m) : 0m;
        running -= rewardPoints;
        // Some orders are paid in full by gift cards and points: OrderTotal 0, nothing charged.
        if (giftCards.Count > 0 && random.Next(3) == 0)
        {
            rewardPoints += running;
            running = 0m;
        }
        // Some currencies round the total to 0.05 (nopCommerce's cash rounding).
        var total = random.Next(4) == 0 ? Math.Round(running * 20m, MidpointRounding.AwayFromZero) / 20m : running;

        for (var card = 0; card < giftCards.Count; card++)
            shop.GiftCardUsages.Add(new GiftCardUsageHistory { Id = id * 10 + card, UsedWithOrderId = id, UsedValue = giftCards[card] });
        if (rewardPoints > 0m)
            shop.RewardPointsHistory.Add(new RewardPointsHistory { Id = id, UsedAmount = rewardPoints });
        foreach (var discountId in discounts)
            shop.DiscountUsages.Add(new DiscountUsageHistory { Id = id * 10 + discountId, DiscountId = discountId, OrderId = id });
        var shippingExcl = WithoutTax(shipping, shippingRate);
        var feeExcl = WithoutTax(paymentFee, shippingRate);
        taxByRate[shippingRate] = taxByRate.GetValueOrDefault(shippingRate) + shipping - shippingExcl + paymentFee - feeExcl;
        var order = new Order
        {
            Id = id, CustomOrderNumber = id.ToString(), StoreId = 1, CustomerId = 7, BillingAddressId = 100, CustomerLanguageId = 1,
            CustomerCurrencyCode = "SEK", CurrencyRate = rate, PaymentStatus = PaymentStatus.Paid, PaymentMethodSystemName = "Payments.Manual",
            CreatedOnUtc = new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc),
            OrderSubTotalDiscountInclTax = subtotalDiscount,
            OrderShippingInclTax = shipping, OrderShippingExclTax = shippingExcl,
            PaymentMethodAdditionalFeeInclTax = paymentFee, PaymentMethodAdditionalFeeExclTax = feeExcl,
            OrderDiscount = orderDiscount, OrderTotal = total,
            TaxRates = TaxRateText.Format(taxByRate),
            RedeemedRewardPointsEntryId = rewardPoints > 0m ? id : null
        };
        shop.Orders.Add(order);

        // Each converted part (lines, their discount shares, freight, handling, total) is off by at most half a cent.
        var maxRoundOff = 0.005m * (2 * lineCount + 4) + Math.Abs(total - running) * rate;
        var rates = orderRates.Append(0m).ToList();
        return new Generated(order, total + giftCards.Sum() + rewardPoints, subtotalDiscount + orderDiscount, rates, maxRoundOff);
    }
}
