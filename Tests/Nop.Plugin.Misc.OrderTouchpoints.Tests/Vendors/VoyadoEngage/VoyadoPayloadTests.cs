using System.Text.Json;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;

/// <summary>docs/vendors.md §2.2 and §2.3 field by field, as Engage receives them.</summary>
public class VoyadoPayloadTests
{
    private VoyadoTestBed _bed = null!;

    [SetUp]
    public async Task StartAsync() => _bed = await VoyadoTestBed.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _bed.DisposeAsync();

    private FakeEngage Engage => _bed.Engage;

    /// <summary>Posts with a saved contact id (one request) and returns the order body Engage received.</summary>
    private async Task<JsonElement> PostOrderAsync(TouchpointEvent touchpointEvent = TouchpointEvent.OrderPlaced, Order? order = null)
    {
        _bed.SaveContactId((order ?? _bed.Order).CustomerId, "a0000001-0000-4000-8000-000000000001");
        Engage.AddContact("known@example.com", "a0000001-0000-4000-8000-000000000001");
        var outcome = await _bed.DeliverAsync(touchpointEvent, order);
        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(Engage.Violations, Is.Empty);
        return Engage.OrderPosts.Last().Json;
    }

    [Test]
    public async Task Sample_order_bodies_are_exactly_as_documented()
    {
        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(Engage.Violations, Is.Empty);
        Assert.That(Engage.ContactCreations.Single().Body, Is.EqualTo(
            """{"firstName":"Giulia","lastName":"Rossi","email":"giulia.rossi@example.com","countryCode":"IT","zipCode":"20121","city":"Milano","contactType":"Contact"}"""));
        // Rate 1.1337: 20.00 → 22.67 and 30.00 → 34.01, both at the order's recorded 22 % (22.67 − 22.67 / 1.22 = 4.088 → 4.09,
        // 34.01 − 34.01 / 1.22 = 6.133 → 6.13); shipping 6.10 → 6.92 (excl 5.00 → 5.67, tax 1.25); total 56.10 → 63.60.
        // Sum: 22.67 + 34.01 + 6.92 = 63.60 (no round-off needed); totalTax: 4.09 + 6.13 + 1.25 = 11.47.
        const string expectedOrder = """
            {"contact":{"matchKey":"c0ffee00-0000-4000-8000-000000000001","matchKeyType":"ContactId"},"orderNumber":"42",
            "orderStatus":"Confirmed","paymentStatus":"Pending","createdDate":"2026-11-20T09:30:00Z","storeId":"NEGOZIO-MI",
            "currency":"EUR","totalGrossPrice":63.60,"language":"it-IT","totalTax":11.47,"freightFee":{"value":6.92,"tax":1.25,"taxPercent":22},
            "totalDiscounts":0.00,"paymentMethods":[{"type":"Payment","description":"Credit card","value":63.60}],"items":[
            {"type":"PURCHASE","sku":"CUP-01","quantity":2,"grossPaidPrice":22.67,"description":"Espresso cup","taxAmount":4.09,"taxPercent":22,
            "imageUrl":"https://negozio.example/images/thumbs/0000501_espresso-cup_415.jpeg","targetUrl":"https://negozio.example/product-501"},
            {"type":"PURCHASE","sku":"502","quantity":1,"grossPaidPrice":34.01,"description":"Moka pot","taxAmount":6.13,"taxPercent":22,
            "targetUrl":"https://negozio.example/product-502"}]}
            """;
        Assert.That(Engage.OrderPosts.Single().Body, Is.EqualTo(expectedOrder.ReplaceLineEndings("")));
    }

    [Test]
    public async Task Every_discount_kind_fees_gift_card_and_reward_points_add_up_to_the_cent_at_an_odd_rate()
    {
        var order = _bed.Order;
        var shop = _bed.Shop;
        shop.OrderItems.Clear();
        // 3 × 19.99 = 59.97 with an item discount of 5.97 → line 54.00 (excl 44.26); a second line 120.00 (excl 98.36).
        shop.OrderItems.Add(new OrderItem
        {
            Id = 1001, OrderId = 42, ProductId = 501, Quantity = 3, PriceInclTax = 54.00m, PriceExclTax = 44.26m, DiscountAmountInclTax = 5.97m
        });
        shop.OrderItems.Add(new OrderItem { Id = 1002, OrderId = 42, ProductId = 502, Quantity = 1, PriceInclTax = 120m, PriceExclTax = 98.36m });
        shop.Discounts.AddRange([
            new Discount { Id = 1, Name = "Autumn sale", DiscountType = DiscountType.AssignedToSkus },
            new Discount { Id = 2, Name = "Welcome", DiscountType = DiscountType.AssignedToOrderSubTotal, RequiresCouponCode = true, CouponCode = "WELCOME10" },
            new Discount { Id = 3, Name = "Five off", DiscountType = DiscountType.AssignedToOrderTotal, RequiresCouponCode = true, CouponCode = "FIVEOFF" }
        ]);
        shop.DiscountUsages.AddRange(new[] { 1, 2, 3 }.Select(id => new DiscountUsageHistory { Id = id, DiscountId = id, OrderId = 42 }));
        shop.GiftCardUsages.Add(new GiftCardUsageHistory { Id = 1, UsedWithOrderId = 42, UsedValue = 25m });
        shop.RewardPointsHistory.Add(new RewardPointsHistory { Id = 900, UsedAmount = 10m });
        order.RedeemedRewardPointsEntryId = 900;
        order.OrderSubTotalDiscountInclTax = 17.40m;
        order.OrderShippingInclTax = 7.32m;
        order.OrderShippingExclTax = 6m;
        order.PaymentMethodAdditionalFeeInclTax = 2.44m;
        order.PaymentMethodAdditionalFeeExclTax = 2m;
        order.OrderDiscount = 5m;
        order.TaxRates = "22:22.79;";
        // 174.00 − 17.40 + 7.32 + 2.44 − 5.00 − 25.00 (gift card) − 10.00 (reward points)
        order.OrderTotal = 126.36m;

        var body = await PostOrderAsync();

        var sums = EngageMoney.AssertValidationsHold(body);
        // At 1.1337: lines 54.00 → 61.22 and 120.00 → 136.04; order-level discounts 17.40 + 5.00 → 25.39, spread pro rata:
        // 25.39 × 61.22 / 197.26 = 7.88 and 25.39 × 136.04 / 197.26 = 17.51 (together 25.39) → paid 53.34 and 118.53.
        // Total paid by any means: 126.36 + 25.00 + 10.00 = 161.36 → 182.93; 53.34 + 118.53 + 8.30 + 2.77 = 182.94: round-off −0.01.
        Assert.That(sums, Is.EqualTo(new EngageOrderValidations.Sums(Items: 171.87m, Freight: 8.30m, Handling: 2.77m, RoundOff: -0.01m,
            Total: 182.93m, ItemsTax: 9.62m + 21.37m, FeesTax: 1.50m + 0.50m, TotalTax: 32.99m)));
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items.Select(i => i.GetProperty("grossPaidPrice").GetDecimal()), Is.EqualTo(new[] { 53.34m, 118.53m }));
        // 53.34 − 53.34 / 1.22 = 9.619; 118.53 − 118.53 / 1.22 = 21.374.
        Assert.That(items.Select(i => i.GetProperty("taxAmount").GetDecimal()), Is.EqualTo(new[] { 9.62m, 21.37m }));
        Assert.That(items.Select(i => i.GetProperty("taxPercent").GetDecimal()), Is.EqualTo(new[] { 22m, 22m }));
        Assert.That(items[0].GetProperty("discounts").GetRawText(), Is.EqualTo(
            """[{"value":-6.77,"type":"ItemDiscount","description":"Autumn sale"},{"value":-7.88,"type":"OrderDiscount","description":"WELCOME10, FIVEOFF"}]"""));
        Assert.That(items[1].GetProperty("discounts").GetRawText(), Is.EqualTo(
            """[{"value":-17.51,"type":"OrderDiscount","description":"WELCOME10, FIVEOFF"}]"""));
        // Gift card 25.00 → 28.34 and reward points 10.00 → 11.34 are payments; the card paid the rest: 182.93 − 28.34 − 11.34.
        Assert.That(body.GetProperty("paymentMethods").GetRawText(), Is.EqualTo(
            """[{"type":"Payment","description":"Credit card","value":143.25},{"type":"GiftCard","description":"Gift card","value":28.34},{"type":"RewardPoints","description":"Reward points","value":11.34}]"""));
        // Informational: 5.97 + 17.40 + 5.00 = 28.37 → 32.16.
        Assert.That(body.GetProperty("totalDiscounts").GetDecimal(), Is.EqualTo(32.16m));
        Assert.That(body.GetProperty("freightFee").GetProperty("tax").GetDecimal(), Is.EqualTo(8.30m - 6.80m));
        Assert.That(body.GetProperty("handlingFee").GetProperty("tax").GetDecimal(), Is.EqualTo(2.77m - 2.27m));
    }

    [Test]
    public async Task Order_without_a_payment_fee_sends_no_handling_fee_and_a_free_shipping_fee_of_zero()
    {
        _bed.Order.OrderShippingInclTax = 0m;
        _bed.Order.OrderShippingExclTax = 0m;
        _bed.Order.OrderTotal = 50m;

        var body = await PostOrderAsync();

        Assert.That(body.TryGetProperty("handlingFee", out _), Is.False);
        Assert.That(body.GetProperty("freightFee").GetRawText(), Is.EqualTo("""{"value":0.00,"tax":0.00}"""));
        // 50.00 → 56.69 while the lines convert to 22.67 + 34.01 = 56.68: the cent is the round-off.
        Assert.That(body.GetProperty("totalRoundOff").GetRawText(), Is.EqualTo("""{"value":0.01}"""));
        EngageMoney.AssertValidationsHold(body);
    }

    [Test]
    public async Task Negative_payment_fee_is_sent_as_it_is_and_the_sum_still_holds()
    {
        _bed.Order.PaymentMethodAdditionalFeeInclTax = -3.66m;
        _bed.Order.PaymentMethodAdditionalFeeExclTax = -3m;
        _bed.Order.OrderTotal = 52.44m;

        var body = await PostOrderAsync();

        Assert.That(body.GetProperty("handlingFee").GetProperty("value").GetDecimal(), Is.EqualTo(-4.15m));
        EngageMoney.AssertValidationsHold(body);
    }

    [Test]
    public async Task Unicode_names_and_product_descriptions_arrive_intact()
    {
        _bed.Shop.Customers[0].FirstName = "Zoë";
        var billing = _bed.Shop.Addresses[0];
        billing.FirstName = "Zoë";
        billing.LastName = "Ångström-Łukasiewicz";
        billing.City = "Göteborg";
        billing.CountryId = 11;
        _bed.Shop.LocalizedProductNames[(501, 1)] = "Tazzina «espresso» 浓缩咖啡杯 ☕";

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(Engage.Violations, Is.Empty);
        var contact = Engage.ContactCreations.Single().Json;
        Assert.That(contact.GetProperty("firstName").GetString(), Is.EqualTo("Zoë"));
        Assert.That(contact.GetProperty("lastName").GetString(), Is.EqualTo("Ångström-Łukasiewicz"));
        Assert.That(contact.GetProperty("city").GetString(), Is.EqualTo("Göteborg"));
        Assert.That(contact.GetProperty("countryCode").GetString(), Is.EqualTo("SE"));
        Assert.That(Engage.OrderPosts.Single().Json.GetProperty("items")[0].GetProperty("description").GetString(),
            Is.EqualTo("Tazzina «espresso» 浓缩咖啡杯 ☕"));
    }

    [Test]
    public async Task Contact_without_zip_code_omits_the_key()
    {
        _bed.Shop.Addresses[0].ZipPostalCode = null!;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(Engage.Violations, Is.Empty);
        var contact = Engage.ContactCreations.Single().Json;
        Assert.That(contact.EnumerateObject().Select(p => p.Name),
            Is.EquivalentTo(new[] { "firstName", "lastName", "email", "countryCode", "city", "contactType" }));
    }

    [Test]
    public async Task Three_hundred_lines_are_all_sent_and_add_up()
    {
        var shop = _bed.Shop;
        shop.OrderItems.Clear();
        for (var i = 0; i < 300; i++)
        {
            var incl = 0.37m + i * 1.13m;
            shop.OrderItems.Add(new OrderItem
            {
                Id = 5000 + i, OrderId = 42, ProductId = i % 2 == 0 ? 501 : 502, Quantity = 1 + i % 4,
                PriceInclTax = incl, PriceExclTax = Math.Round(incl / 1.22m, 2)
            });
        }
        _bed.Order.OrderTotal = shop.OrderItems.Sum(i => i.PriceInclTax) + _bed.Order.OrderShippingInclTax;

        var body = await PostOrderAsync();

        Assert.That(body.GetProperty("items").GetArrayLength(), Is.EqualTo(300));
        var sums = EngageMoney.AssertValidationsHold(body);
        Assert.That(Math.Abs(sums.RoundOff), Is.LessThanOrEqualTo(0.005m * (300 + 4)), "only conversion cents may be rounded off");
    }

    [Test]
    public async Task Product_deleted_after_the_order_is_sent_with_its_id_as_sku()
    {
        _bed.Shop.Products.RemoveAll(p => p.Id == 501);

        var body = await PostOrderAsync();

        var item = body.GetProperty("items")[0];
        Assert.That(item.GetProperty("sku").GetString(), Is.EqualTo("501"));
        Assert.That(item.GetProperty("description").GetString(), Is.EqualTo("Product 501"));
    }

    [Test]
    public async Task Attribute_combination_sku_wins_over_the_product_sku()
    {
        const string attributes = "<Attributes><ProductAttribute ID=\"1\"><ProductAttributeValue><Value>3</Value></ProductAttributeValue></ProductAttribute></Attributes>";
        _bed.Shop.OrderItems[0].AttributesXml = attributes;
        _bed.Shop.Combinations.Add(new ProductAttributeCombination { Id = 1, ProductId = 501, AttributesXml = attributes, Sku = "CUP-01-RED" });

        var body = await PostOrderAsync();

        Assert.That(body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()), Is.EqualTo(new[] { "CUP-01-RED", "502" }));
    }

    [TestCase(1, null, "it-IT")]
    [TestCase(1, "1=sv-SE\n2=en-GB", "sv-SE")]
    [TestCase(2, "1=sv-SE; 2=en-GB", "en-GB")]
    [TestCase(2, "1=sv-SE", "en-US")]
    public async Task Language_is_the_order_language_culture_unless_overridden(int languageId, string? overrides, string expected)
    {
        _bed.Order.CustomerLanguageId = languageId;
        _bed.Settings[1].LanguageOverrides = overrides;

        var body = await PostOrderAsync();

        Assert.That(body.GetProperty("language").GetString(), Is.EqualTo(expected));
    }

    [TestCase(TouchpointEvent.OrderPlaced, "Confirmed")]
    [TestCase(TouchpointEvent.OrderPaid, "Confirmed")]
    [TestCase(TouchpointEvent.ShipmentSent, "Shipped")]
    [TestCase(TouchpointEvent.ShipmentDelivered, "Delivered")]
    [TestCase(TouchpointEvent.OrderCancelled, "Cancelled")]
    [TestCase(TouchpointEvent.OrderRefunded, "Refunded")]
    public async Task Each_event_posts_its_mapped_status_and_when_it_happened(TouchpointEvent touchpointEvent, string expectedStatus)
    {
        var body = await PostOrderAsync(touchpointEvent);

        Assert.That(body.GetProperty("orderStatus").GetString(), Is.EqualTo(expectedStatus));
        Assert.That(body.GetProperty("createdDate").GetString(), Is.EqualTo("2026-11-20T09:30:00Z"));
        if (touchpointEvent == TouchpointEvent.OrderPlaced)
            Assert.That(body.TryGetProperty("statusChangedDate", out _), Is.False);
        else
            Assert.That(body.GetProperty("statusChangedDate").GetString(), Is.EqualTo("2026-11-21T15:45:10Z"));
    }

    [Test]
    public async Task Order_status_strings_come_from_the_store_settings()
    {
        _bed.Settings[1].ShippedOrderStatus = "Skickad";

        var body = await PostOrderAsync(TouchpointEvent.ShipmentSent);

        Assert.That(body.GetProperty("orderStatus").GetString(), Is.EqualTo("Skickad"));
    }

    [TestCase(PaymentStatus.Pending, "Pending")]
    [TestCase(PaymentStatus.Authorized, "Authorized")]
    [TestCase(PaymentStatus.Paid, "Paid")]
    [TestCase(PaymentStatus.PartiallyRefunded, "PartiallyRefunded")]
    [TestCase(PaymentStatus.Refunded, "Refunded")]
    [TestCase(PaymentStatus.Voided, "Voided")]
    public async Task Payment_status_is_the_order_current_one_mapped_by_settings(PaymentStatus paymentStatus, string expected)
    {
        _bed.Order.PaymentStatus = paymentStatus;

        var body = await PostOrderAsync(TouchpointEvent.OrderPaid);

        Assert.That(body.GetProperty("paymentStatus").GetString(), Is.EqualTo(expected));
    }

    [Test]
    public async Task Cleared_status_setting_cannot_be_sent_and_calls_nothing()
    {
        _bed.Settings[1].CancelledOrderStatus = " ";

        var outcome = await _bed.DeliverAsync(TouchpointEvent.OrderCancelled);

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.CannotSend));
        Assert.That(outcome.Reason, Does.Contain("OrderCancelled"));
        Assert.That(Engage.Requests, Is.Empty);
    }

    [Test]
    public async Task Order_whose_language_and_store_languages_are_all_gone_cannot_be_sent_and_calls_nothing()
    {
        _bed.Order.CustomerLanguageId = 99;
        _bed.Shop.Languages.Clear();

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.CannotSend));
        Assert.That(outcome.Reason, Does.Contain("has no language for Engage"));
        Assert.That(Engage.Requests, Is.Empty);
    }

    [Test]
    public async Task Order_without_items_cannot_be_sent()
    {
        _bed.Shop.OrderItems.Clear();

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.CannotSend));
        Assert.That(outcome.Reason, Does.Contain("no items"));
        Assert.That(Engage.Requests, Is.Empty);
    }
}
