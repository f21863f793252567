using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;

/// <summary>
/// Engage's sum check over many generated orders: random lines, item, subtotal and order discounts, gift
/// cards, reward points, shipping, positive and negative payment fees, cash-rounded totals and currency
/// rates from 0.0001 to 200. Seeded, so a failure names an order that can be regenerated.
/// </summary>
public class VoyadoMoneyEquationTests
{
    private const int OrderCount = 400;
    private static readonly decimal[] TaxRates = [0m, 4m, 5.5m, 7.7m, 10m, 19m, 21m, 22m, 25m];

    [Test]
    public async Task Generated_orders_always_add_up_to_the_cent()
    {
        await using var bed = await VoyadoTestBed.StartAsync();
        bed.SaveContactId(7, "known-contact");
        bed.Engage.AddContact("giulia.rossi@example.com", "known-contact");
        var random = new Random(20261120);
        var allowedRoundOff = new Dictionary<string, decimal>();

        for (var n = 0; n < OrderCount; n++)
        {
            var (order, maxRoundOff) = Generate(bed.Shop, 10_000 + n, random);
            var outcome = await bed.DeliverAsync(order: order);
            Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
            allowedRoundOff[order.CustomOrderNumber] = maxRoundOff;
        }

        Assert.That(bed.Engage.Violations, Is.Empty);
        Assert.That(bed.Engage.OrderPosts, Has.Count.EqualTo(OrderCount));
        var roundedOff = 0;
        foreach (var post in bed.Engage.OrderPosts)
        {
            var number = post.Json.GetProperty("orderNumber").GetString()!;
            var parts = EngageMoney.AssertEquationHolds(post.Json, $"order {number}");
            // Only conversion cents and nopCommerce's cash rounding may end up in the round-off; anything
            // larger would mean a discount, gift card or fee is missing or counted twice.
            Assert.That(Math.Abs(parts.RoundOff), Is.LessThanOrEqualTo(allowedRoundOff[number]), $"order {number}: {parts}");
            if (parts.RoundOff != 0m)
                roundedOff++;
        }
        Assert.That(roundedOff, Is.GreaterThan(OrderCount / 10), "the generated orders must include many where rounding bites");
    }

    /// <summary>A consistent nopCommerce order (primary currency) and the largest round-off its conversion can need.</summary>
    private static (Order Order, decimal MaxRoundOff) Generate(ShopFixture shop, int id, Random random)
    {
        decimal Amount(decimal max) => Math.Round((decimal)random.NextDouble() * max, 2, MidpointRounding.AwayFromZero);
        var rate = random.Next(5) switch
        {
            0 => 1m,
            1 => Math.Round(0.5m + (decimal)random.NextDouble() * 2m, 4),
            2 => Math.Round(1m + (decimal)random.NextDouble() * 199m, 6),
            3 => Math.Round(0.0001m + (decimal)random.NextDouble() * 0.1m, 8),
            _ => 1.1337m
        };

        var lineCount = random.Next(1, 13);
        for (var line = 0; line < lineCount; line++)
        {
            var quantity = random.Next(1, 6);
            var gross = (Amount(300m) + 0.01m) * quantity;
            var itemDiscount = random.Next(3) == 0 ? Amount(gross * 0.3m) : 0m;
            var inclTax = gross - itemDiscount;
            var taxRate = TaxRates[random.Next(TaxRates.Length)];
            shop.OrderItems.Add(new OrderItem
            {
                Id = id * 100 + line, OrderId = id, ProductId = line % 2 == 0 ? 501 : 502, Quantity = quantity,
                PriceInclTax = inclTax, PriceExclTax = Math.Round(inclTax / (1m + taxRate / 100m), 2, MidpointRounding.AwayFromZero)
            });
        }
        var subtotal = shop.OrderItems.Where(i => i.OrderId == id).Sum(i => i.PriceInclTax);
        var subtotalDiscount = random.Next(3) == 0 ? Amount(subtotal * 0.2m) : 0m;
        var shipping = random.Next(4) == 0 ? 0m : Amount(40m);
        var paymentFee = random.Next(5) switch
        {
            0 => -Math.Min(Amount(5m), Math.Round(subtotal / 2m, 2)),
            1 or 2 => Amount(10m),
            _ => 0m
        };
        var running = subtotal - subtotalDiscount + shipping + paymentFee;
        var orderDiscount = random.Next(3) == 0 ? Amount(running * 0.1m) : 0m;
        running -= orderDiscount;
        var giftCard = random.Next(3) == 0 ? Amount(running * 0.5m) : 0m;
        running -= giftCard;
        var rewardPoints = random.Next(3) == 0 ? Amount(running * 0.5m) : 0m;
        running -= rewardPoints;
        // Some currencies round the total to 0.05 (nopCommerce's cash rounding).
        var total = random.Next(4) == 0 ? Math.Round(running * 20m, MidpointRounding.AwayFromZero) / 20m : running;

        if (giftCard > 0m)
            shop.GiftCardUsages.Add(new GiftCardUsageHistory { Id = id, UsedWithOrderId = id, UsedValue = giftCard });
        if (rewardPoints > 0m)
            shop.RewardPointsHistory.Add(new RewardPointsHistory { Id = id, UsedAmount = rewardPoints });
        var order = new Order
        {
            Id = id, CustomOrderNumber = id.ToString(), StoreId = 1, CustomerId = 7, BillingAddressId = 100, CustomerLanguageId = 1,
            CustomerCurrencyCode = "SEK", CurrencyRate = rate, PaymentStatus = PaymentStatus.Paid,
            CreatedOnUtc = new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc),
            OrderSubTotalDiscountInclTax = subtotalDiscount,
            OrderShippingInclTax = shipping, OrderShippingExclTax = Math.Round(shipping / 1.22m, 2),
            PaymentMethodAdditionalFeeInclTax = paymentFee, PaymentMethodAdditionalFeeExclTax = Math.Round(paymentFee / 1.22m, 2),
            OrderDiscount = orderDiscount, OrderTotal = total, OrderTax = Math.Round(total * 0.18m, 2),
            RedeemedRewardPointsEntryId = rewardPoints > 0m ? id : null
        };
        shop.Orders.Add(order);

        // Each converted part (lines, freight, handling, discounts, total) is off by at most half a cent.
        var maxRoundOff = 0.005m * (lineCount + 4) + Math.Abs(total - running) * rate;
        return (order, maxRoundOff);
    }
}
