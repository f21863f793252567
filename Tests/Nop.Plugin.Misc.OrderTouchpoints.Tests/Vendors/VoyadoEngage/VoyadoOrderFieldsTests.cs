using System.Globalization;
using System.Text.Json;
using Moq;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Shipping;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Services.Shipping;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;

/// <summary>The fields order mails show beyond the amounts (docs/vendors.md §2.3), and the discount spread on its own.</summary>
public class VoyadoOrderFieldsTests
{
    private VoyadoTestBed _bed = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _bed = await VoyadoTestBed.StartAsync();
        _bed.SaveContactId(7, "a0000001-0000-4000-8000-000000000001");
        _bed.Engage.AddContact("known@example.com", "a0000001-0000-4000-8000-000000000001");
    }

    [TearDown]
    public async Task StopAsync() => await _bed.DisposeAsync();

    private async Task<JsonElement> PostAsync(TouchpointEvent touchpointEvent = TouchpointEvent.OrderPlaced, DateTime? occurredUtc = null)
    {
        var outcome = await _bed.DeliverAsync(touchpointEvent, occurredUtc: occurredUtc);
        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        Assert.That(_bed.Engage.Violations, Is.Empty);
        return _bed.Engage.OrderPosts.Last().Json;
    }

    [Test]
    public async Task Order_with_a_coupon_a_gift_card_and_two_tax_rates_is_sent_exactly()
    {
        // Rate 1, so every figure below is the order's own: a cup line at 22 % and a moka pot at 10 %.
        var order = _bed.Order;
        order.CurrencyRate = 1m;
        var shop = _bed.Shop;
        shop.OrderItems[0].PriceExclTax = 16.39m;                     // 20.00 incl. 22 %
        shop.OrderItems[1].PriceInclTax = 33.00m;
        shop.OrderItems[1].PriceExclTax = 30.00m;                     // 33.00 incl. 10 %
        shop.Discounts.Add(new Discount { Id = 9, Name = "Welcome", DiscountType = DiscountType.AssignedToOrderSubTotal, RequiresCouponCode = true, CouponCode = "WELCOME5" });
        shop.DiscountUsages.Add(new DiscountUsageHistory { Id = 9, DiscountId = 9, OrderId = 42 });
        order.OrderSubTotalDiscountInclTax = 5.00m;
        shop.GiftCardUsages.Add(new GiftCardUsageHistory { Id = 3, UsedWithOrderId = 42, UsedValue = 20.00m });
        order.TaxRates = "10:2.69;22:4.73;";
        // 20.00 + 33.00 − 5.00 + 6.10 shipping − 20.00 gift card
        order.OrderTotal = 34.10m;

        var body = await PostAsync();

        // Sum: the 5.00 coupon is spread 20.00 : 33.00 → 1.89 and 3.11 (the 0.02 of cents left over would go to the
        // largest line; here the rounded shares already add up): 18.11 + 29.89 + 6.10 = 54.10 = 34.10 paid + 20.00 gift card.
        // Tax: 18.11 − 18.11 / 1.22 = 3.2657 → 3.27; 29.89 − 29.89 / 1.10 = 2.7173 → 2.72; total 3.27 + 2.72 + 1.10 = 7.09.
        const string expected = """
            {"contact":{"matchKey":"a0000001-0000-4000-8000-000000000001","matchKeyType":"ContactId"},"orderNumber":"42","orderStatus":"Confirmed","paymentStatus":"Pending",
            "createdDate":"2026-11-20T09:30:00Z","storeId":"NEGOZIO-MI","currency":"EUR","totalGrossPrice":54.10,"language":"it-IT","totalTax":7.09,
            "freightFee":{"value":6.10,"tax":1.10,"taxPercent":22},"totalDiscounts":5.00,
            "paymentMethods":[{"type":"Payment","description":"Credit card","value":34.10},{"type":"GiftCard","description":"Gift card","value":20.00}],
            "items":[{"type":"PURCHASE","sku":"CUP-01","quantity":2,"grossPaidPrice":18.11,"description":"Espresso cup","taxAmount":3.27,"taxPercent":22,
            "imageUrl":"https://negozio.example/images/thumbs/0000501_espresso-cup_415.jpeg","targetUrl":"https://negozio.example/product-501",
            "discounts":[{"value":-1.89,"type":"OrderDiscount","description":"WELCOME5"}]},
            {"type":"PURCHASE","sku":"502","quantity":1,"grossPaidPrice":29.89,"description":"Moka pot","taxAmount":2.72,"taxPercent":10,
            "targetUrl":"https://negozio.example/product-502","discounts":[{"value":-3.11,"type":"OrderDiscount","description":"WELCOME5"}]}]}
            """;
        Assert.That(_bed.Engage.OrderPosts.Single().Body, Is.EqualTo(expected.ReplaceLineEndings("")));
        EngageMoney.AssertValidationsHold(body);
    }

    [Test]
    public async Task Shipment_posts_carry_the_shipping_date_tracking_number_tracking_url_and_shipping_method()
    {
        _bed.Shop.Shipments.Add(new Shipment { Id = 1, OrderId = 42, TrackingNumber = "OLD-1", ShippedDateUtc = new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc) });
        _bed.Shop.Shipments.Add(new Shipment { Id = 2, OrderId = 42, TrackingNumber = "IT 123/45", ShippedDateUtc = new DateTime(2026, 11, 21, 15, 45, 0, DateTimeKind.Utc) });
        _bed.Shop.Shipments.Add(new Shipment { Id = 3, OrderId = 42, TrackingNumber = "LATER", ShippedDateUtc = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc) });

        var body = await PostAsync(TouchpointEvent.ShipmentSent, new DateTime(2026, 11, 21, 15, 45, 10, DateTimeKind.Utc));

        // A request naming no shipment (a preview): the latest one shipped by the time of the event.
        Assert.That(body.GetProperty("shippingDate").GetString(), Is.EqualTo("2026-11-21T15:45:00Z"));
        Assert.That(body.GetProperty("extraData").GetRawText(), Is.EqualTo(
            """{"shippingMethod":"Corriere espresso","trackingNumber":"IT 123/45","trackingUrl":"https://track.example/parcel?n=IT%20123%2F45"}"""));
    }

    [Test]
    public async Task A_shipment_post_carries_the_shipment_its_row_names_and_none_of_another_when_that_one_is_gone()
    {
        _bed.Shop.Shipments.Add(new Shipment { Id = 1, OrderId = 42, TrackingNumber = "FIRST-1", ShippedDateUtc = new DateTime(2026, 11, 21, 15, 45, 0, DateTimeKind.Utc) });
        _bed.Shop.Shipments.Add(new Shipment { Id = 2, OrderId = 42, TrackingNumber = "SECOND-2", ShippedDateUtc = new DateTime(2026, 11, 21, 15, 45, 0, DateTimeKind.Utc) });
        var occurredUtc = new DateTime(2026, 11, 21, 15, 45, 10, DateTimeKind.Utc);

        var first = await _bed.CreateChannel().DeliverAsync(_bed.Request(TouchpointEvent.ShipmentSent, occurredUtc: occurredUtc) with { EventSourceId = 1 }, CancellationToken.None);
        var deleted = await _bed.CreateChannel().DeliverAsync(_bed.Request(TouchpointEvent.ShipmentSent, occurredUtc: occurredUtc) with { EventSourceId = 9 }, CancellationToken.None);

        Assert.That(new[] { first.Kind, deleted.Kind }, Has.All.EqualTo(OutcomeKind.Delivered), first.Reason + deleted.Reason);
        Assert.That(_bed.Engage.Violations, Is.Empty);
        Assert.That(_bed.Engage.OrderPosts[0].Json.GetProperty("extraData").GetProperty("trackingNumber").GetString(), Is.EqualTo("FIRST-1"));
        var withoutShipment = _bed.Engage.OrderPosts[1].Json;
        Assert.That(withoutShipment.TryGetProperty("shippingDate", out _), Is.False, "no other shipment's date");
        Assert.That(withoutShipment.GetProperty("extraData").GetRawText(), Is.EqualTo("""{"shippingMethod":"Corriere espresso"}"""));
    }

    [Test]
    public async Task A_delivered_post_names_the_delivered_shipment_and_an_order_post_has_no_shipment_fields()
    {
        _bed.Shop.Shipments.Add(new Shipment
        {
            Id = 1, OrderId = 42, TrackingNumber = "DELIVERED-1",
            ShippedDateUtc = new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc), DeliveryDateUtc = new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc)
        });

        var delivered = await PostAsync(TouchpointEvent.ShipmentDelivered);
        var placed = await PostAsync();

        Assert.That(delivered.GetProperty("shippingDate").GetString(), Is.EqualTo("2026-11-20T08:00:00Z"));
        Assert.That(delivered.GetProperty("extraData").GetProperty("trackingNumber").GetString(), Is.EqualTo("DELIVERED-1"));
        Assert.That(placed.TryGetProperty("shippingDate", out _), Is.False);
        Assert.That(placed.TryGetProperty("extraData", out _), Is.False);
    }

    [Test]
    public async Task Only_a_shipment_post_builds_the_shipment_service()
    {
        _bed.Shop.Shipments.Add(new Shipment { Id = 1, OrderId = 42, TrackingNumber = "IT-1", ShippedDateUtc = new DateTime(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc) });

        await PostAsync();
        var builtForTheOrderPost = _bed.Shop.ServicesBuilt.GetValueOrDefault(typeof(IShipmentService));
        await PostAsync(TouchpointEvent.ShipmentSent);

        Assert.That(builtForTheOrderPost, Is.Zero);
        Assert.That(_bed.Shop.ServicesBuilt.GetValueOrDefault(typeof(IShipmentService)), Is.Positive);
    }

    [Test]
    public async Task A_shipment_without_tracking_still_names_the_shipping_method()
    {
        _bed.Shop.Shipments.Add(new Shipment { Id = 1, OrderId = 42, ShippedDateUtc = new DateTime(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc) });

        var body = await PostAsync(TouchpointEvent.ShipmentSent);

        Assert.That(body.GetProperty("extraData").GetRawText(), Is.EqualTo("""{"shippingMethod":"Corriere espresso"}"""));
    }

    [Test]
    public async Task Language_falls_back_to_the_store_default_when_the_order_language_is_gone()
    {
        _bed.Order.CustomerLanguageId = 99;

        var body = await PostAsync();

        Assert.That(body.GetProperty("language").GetString(), Is.EqualTo("it-IT"));
    }

    [Test]
    public async Task Store_default_language_override_applies_to_the_fallback()
    {
        _bed.Order.CustomerLanguageId = 99;
        _bed.Settings[1].LanguageOverrides = "1=sv-SE";

        var body = await PostAsync();

        Assert.That(body.GetProperty("language").GetString(), Is.EqualTo("sv-SE"));
    }

    [Test]
    public async Task Lines_are_described_in_the_store_default_language_the_post_names_when_the_order_language_is_gone()
    {
        _bed.Order.CustomerLanguageId = 99;
        _bed.Shop.LocalizedProductNames[(501, 1)] = "Tazzina da caffè «Giulia D'Angelo»";

        var body = await PostAsync();

        Assert.That(body.GetProperty("language").GetString(), Is.EqualTo("it-IT"));
        Assert.That(body.GetProperty("items")[0].GetProperty("description").GetString(), Is.EqualTo("Tazzina da caffè «Giulia D'Angelo»"));
    }

    [Test]
    public async Task A_product_name_with_line_breaks_and_runs_of_spaces_is_described_on_one_line()
    {
        // A catalogue imported from a spreadsheet keeps the cell's line breaks in the name.
        _bed.Shop.LocalizedProductNames[(501, 1)] = "Tazzina da caffè\r\n  edizione   Åsa Lindström\t";

        var body = await PostAsync();

        Assert.That(body.GetProperty("items")[0].GetProperty("description").GetString(), Is.EqualTo("Tazzina da caffè edizione Åsa Lindström"));
    }

    [Test]
    public async Task Urls_follow_the_store_and_its_language_prefix()
    {
        _bed.Shop.Stores[0].Url = "https://shop.example/milano";
        _bed.LocalizationSettings.SeoFriendlyUrlsForLanguagesEnabled = true;

        var item = (await PostAsync()).GetProperty("items")[0];

        Assert.That(item.GetProperty("targetUrl").GetString(), Is.EqualTo("https://shop.example/milano/it/product-501"));
        Assert.That(item.GetProperty("imageUrl").GetString(), Is.EqualTo("https://shop.example/images/thumbs/0000501_espresso-cup_415.jpeg"));
    }

    [Test]
    public async Task Absolute_picture_urls_are_kept_and_a_store_without_url_sends_no_links()
    {
        _bed.Shop.ProductPictureUrls[501] = "https://cdn.example/p/501.jpeg";
        var withCdn = (await PostAsync()).GetProperty("items")[0];
        _bed.Shop.Stores[0].Url = "";
        var withoutUrl = (await PostAsync()).GetProperty("items")[0];

        Assert.That(withCdn.GetProperty("imageUrl").GetString(), Is.EqualTo("https://cdn.example/p/501.jpeg"));
        Assert.That(withoutUrl.TryGetProperty("imageUrl", out _), Is.False);
        Assert.That(withoutUrl.TryGetProperty("targetUrl", out _), Is.False);
    }

    [Test]
    public async Task Each_products_picture_is_read_once_for_all_the_posts_that_show_it()
    {
        var placed = (await PostAsync()).GetProperty("items");
        var paid = (await PostAsync(TouchpointEvent.OrderPaid)).GetProperty("items");

        var pictures = _bed.Shop.PictureService;
        pictures.Verify(s => s.GetPicturesByProductIdAsync(501, 1), Times.Once, "the cup's picture");
        pictures.Verify(s => s.GetPicturesByProductIdAsync(502, 1), Times.Once, "the moka pot has none, which is remembered too");
        Assert.That(paid[0].GetProperty("imageUrl").GetString(), Is.EqualTo(placed[0].GetProperty("imageUrl").GetString())
            .And.EqualTo("https://negozio.example/images/thumbs/0000501_espresso-cup_415.jpeg"));
        Assert.That(paid[1].TryGetProperty("imageUrl", out _), Is.False);
    }

    [Test]
    public async Task A_picture_is_read_again_for_another_store_address_and_after_nopCommerce_clears_its_cache()
    {
        await PostAsync();
        _bed.Shop.Stores[0].Url = "https://shop.example/";
        var otherAddress = (await PostAsync()).GetProperty("items")[0];
        _bed.Shop.ProductPictureUrls[501] = "/images/thumbs/0000501_espresso-cup-blue_415.jpeg";
        _bed.Shop.StaticCache.Clear();
        var afterClear = (await PostAsync()).GetProperty("items")[0];

        Assert.That(otherAddress.GetProperty("imageUrl").GetString(), Is.EqualTo("https://shop.example/images/thumbs/0000501_espresso-cup_415.jpeg"));
        Assert.That(afterClear.GetProperty("imageUrl").GetString(), Is.EqualTo("https://shop.example/images/thumbs/0000501_espresso-cup-blue_415.jpeg"));
        _bed.Shop.PictureService.Verify(s => s.GetPicturesByProductIdAsync(501, 1), Times.Exactly(3));
    }

    [Test]
    public async Task Order_paid_entirely_by_gift_card_lists_only_the_gift_card_and_an_unknown_method_its_system_name()
    {
        _bed.Shop.GiftCardUsages.Add(new GiftCardUsageHistory { Id = 1, UsedWithOrderId = 42, UsedValue = 56.10m });
        _bed.Order.OrderTotal = 0m;
        var giftCardOnly = await PostAsync();
        _bed.Shop.GiftCardUsages.Clear();
        _bed.Order.OrderTotal = 56.10m;
        _bed.Order.PaymentMethodSystemName = "Payments.Uninstalled";
        var unknownMethod = await PostAsync();

        Assert.That(giftCardOnly.GetProperty("paymentMethods").GetRawText(), Is.EqualTo("""[{"type":"GiftCard","description":"Gift card","value":63.60}]"""));
        Assert.That(giftCardOnly.GetProperty("totalGrossPrice").GetDecimal(), Is.EqualTo(63.60m));
        Assert.That(unknownMethod.GetProperty("paymentMethods")[0].GetProperty("description").GetString(), Is.EqualTo("Payments.Uninstalled"));
    }

    // The sample order's 56.10 paid by a gift card and reward points alone (OrderTotal 0), at rates where converting the
    // two redemptions on their own and converting their sum differ by a cent:
    // 0.0913:  54.50 → 4.97585 → 4.98, 1.60 → 0.14608 → 0.15 (5.13); 56.10 → 5.12193 → 5.12: the gift card gives the cent back.
    // 11.4237: 40.70 → 464.94459 → 464.94, 15.40 → 175.92498 → 175.92 (640.86); 56.10 → 640.86957 → 640.87: the gift card takes it.
    // Nothing was charged, so there is no payment method entry (neither −0.01 nor 0.01), and the entries still pay the total.
    [TestCase("0.0913", "54.50", "1.60", "4.97", "0.15", "5.12")]
    [TestCase("11.4237", "40.70", "15.40", "464.95", "175.92", "640.87")]
    public async Task Order_paid_entirely_by_gift_card_and_reward_points_lists_no_charge_when_their_conversions_miss_the_total_by_a_cent(
        string rate, string giftCard, string rewardPoints, string giftCardEntry, string rewardPointsEntry, string total)
    {
        var order = _bed.Order;
        order.CurrencyRate = decimal.Parse(rate, CultureInfo.InvariantCulture);
        _bed.Shop.GiftCardUsages.Add(new GiftCardUsageHistory { Id = 1, UsedWithOrderId = 42, UsedValue = decimal.Parse(giftCard, CultureInfo.InvariantCulture) });
        _bed.Shop.RewardPointsHistory.Add(new RewardPointsHistory { Id = 900, UsedAmount = decimal.Parse(rewardPoints, CultureInfo.InvariantCulture) });
        order.RedeemedRewardPointsEntryId = 900;
        order.OrderTotal = 0m;

        var body = await PostAsync();

        Assert.That(body.GetProperty("totalGrossPrice").GetRawText(), Is.EqualTo(total));
        Assert.That(body.GetProperty("paymentMethods").GetRawText(), Is.EqualTo(
            $$"""[{"type":"GiftCard","description":"Gift card","value":{{giftCardEntry}}},{"type":"RewardPoints","description":"Reward points","value":{{rewardPointsEntry}}}]"""));
        EngageMoney.AssertValidationsHold(body);
    }

    [Test]
    public async Task The_preview_shows_the_new_fields_exactly_as_they_are_sent()
    {
        _bed.Shop.GiftCardUsages.Add(new GiftCardUsageHistory { Id = 1, UsedWithOrderId = 42, UsedValue = 10m });
        _bed.Order.OrderTotal = 46.10m;
        _bed.Shop.Shipments.Add(new Shipment { Id = 1, OrderId = 42, TrackingNumber = "TRK-1", ShippedDateUtc = new DateTime(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc) });

        var preview = await _bed.CreateChannel().PreviewAsync(_bed.Request(TouchpointEvent.ShipmentSent), CancellationToken.None);
        var sent = await PostAsync(TouchpointEvent.ShipmentSent);

        var shown = preview.Requests.Single().Json;
        foreach (var field in new[] { "\"paymentMethods\"", "\"GiftCard\"", "\"imageUrl\"", "\"targetUrl\"", "\"shippingDate\"", "\"extraData\"", "\"trackingNumber\":\"TRK-1\"" })
            Assert.That(shown, Does.Contain(field));
        Assert.That(_bed.Engage.OrderPosts.Single().Body, Is.EqualTo(shown));
        Assert.That(sent.GetProperty("paymentMethods").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public void Spread_is_pro_rata_cent_exact_with_the_remainder_on_the_largest_line()
    {
        // 10.00 over three equal lines: 3.33 each leaves 0.01, which goes to the first of the largest lines.
        Assert.That(VoyadoDiscountSpread.Spread(10.00m, [5.00m, 5.00m, 5.00m]), Is.EqualTo(new[] { 3.34m, 3.33m, 3.33m }));
        // 1.00 over 1 : 2 : 7 → 0.10, 0.20, 0.70 exactly.
        Assert.That(VoyadoDiscountSpread.Spread(1.00m, [1.00m, 2.00m, 7.00m]), Is.EqualTo(new[] { 0.10m, 0.20m, 0.70m }));
        // 0.05 over seven lines of 1.00: each rounds to 0.01 (0.07), the largest gives the extra 0.02 back.
        Assert.That(VoyadoDiscountSpread.Spread(0.05m, Enumerable.Repeat(1.00m, 7).ToList()), Is.EqualTo(new[] { 0m, 0m, 0.01m, 0.01m, 0.01m, 0.01m, 0.01m }));
        // Free lines get nothing; a discount larger than the lines takes them to zero.
        Assert.That(VoyadoDiscountSpread.Spread(3.00m, [0m, 2.00m]), Is.EqualTo(new[] { 0m, 2.00m }));
        Assert.That(VoyadoDiscountSpread.Spread(0m, [4.00m]), Is.EqualTo(new[] { 0m }));
    }

    [Test]
    public void Line_rate_is_the_recorded_rate_nearest_to_the_line_totals()
    {
        Assert.That(VoyadoTaxMath.RateOf(20.00m, 16.39m, [10m, 22m]), Is.EqualTo(22m), "20.00 / 16.39 reads as 22.03 %");
        Assert.That(VoyadoTaxMath.RateOf(0.10m, 0.08m, [4m, 22m]), Is.EqualTo(22m), "a tiny line reads as 25 %");
        Assert.That(VoyadoTaxMath.RateOf(5.00m, 5.00m, [22m]), Is.EqualTo(0m));
        Assert.That(VoyadoTaxMath.RateOf(20.00m, 16.39m, []), Is.EqualTo(22.03m), "no recorded rates: the reading, at 2 decimals");
        Assert.That(VoyadoTaxMath.RateOf(0m, 0m, [22m]), Is.Null);
        Assert.That(VoyadoTaxMath.TaxIn(18.11m, 22m), Is.EqualTo(3.27m));
    }
}
