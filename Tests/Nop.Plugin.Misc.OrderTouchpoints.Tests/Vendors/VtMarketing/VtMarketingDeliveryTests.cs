using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

/// <summary>Placed orders sent to a fake VTmarketing that checks docs/vendors.md §3 on every request.</summary>
public class VtMarketingDeliveryTests
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
    public async Task Sample_order_of_a_registered_customer_is_sent_exactly_as_documented()
    {
        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome, Is.EqualTo(DeliveryOutcome.Delivered(200)));
        // 56.10 × 1.1337 = 63.600570 → 63.60; shipping 6.10 × 1.1337 = 6.915570 → 6.92 (customer currency EUR).
        const string expected = """
            {"user":{"email":"giulia.rossi@example.com","tel":"+39 02 1234567","firstname":"Giulia","lastname":"Rossi","country":"Italy","city":"Milano"},
            "event":{"confirmation":{"generic":{"orderId":"42","total":63.60,"status":"pending","phone":"+39 02 1234567","currency":"EUR","total_shipping":6.92},
            "items":[{"id":"501","quantity":2},{"id":"502","quantity":1}]}}}
            """;
        Assert.That(_bed.Server.Requests.Single().Body, Is.EqualTo(expected.ReplaceLineEndings("")));
    }

    [Test]
    public async Task Guest_order_takes_email_from_the_billing_address()
    {
        _bed.Context.Shop.Customers.Add(new Customer { Id = 8 });
        _bed.Context.Order.CustomerId = 8;

        await _bed.DeliverAsync();

        var user = _bed.SingleBody().GetProperty("user");
        Assert.That(user.GetProperty("email").GetString(), Is.EqualTo("giulia.billing@example.com"));
        Assert.That(user.GetProperty("firstname").GetString(), Is.EqualTo("Giulia"));
    }

    [Test]
    public async Task Amounts_are_in_customer_currency_rounded_half_away_from_zero()
    {
        _bed.Context.Order.OrderTotal = 50.00m;          // × 1.1337 = 56.685 → 56.69
        _bed.Context.Order.OrderShippingInclTax = 2.50m; // × 1.1337 = 2.83425 → 2.83
        _bed.Context.Order.CustomerCurrencyCode = "chf";

        await _bed.DeliverAsync();

        var generic = VtMarketingTestBed.Generic(_bed.SingleBody());
        Assert.That(generic.GetProperty("total").GetDecimal(), Is.EqualTo(56.69m));
        Assert.That(generic.GetProperty("total_shipping").GetDecimal(), Is.EqualTo(2.83m));
        Assert.That(generic.GetProperty("currency").GetString(), Is.EqualTo("CHF"));
    }

    [Test]
    public async Task Coupons_are_the_codes_of_coupon_discounts_the_order_used_as_an_array()
    {
        var shop = _bed.Context.Shop;
        shop.Discounts.Add(new Discount { Id = 1, RequiresCouponCode = true, CouponCode = "SUMMER10" });
        shop.Discounts.Add(new Discount { Id = 2, RequiresCouponCode = false, CouponCode = "IGNORED" });
        shop.Discounts.Add(new Discount { Id = 3, RequiresCouponCode = true, CouponCode = "VIP, GOLD" });
        shop.DiscountUsages.AddRange([
            new DiscountUsageHistory { Id = 1, DiscountId = 1, OrderId = 42 },
            new DiscountUsageHistory { Id = 2, DiscountId = 2, OrderId = 42 },
            new DiscountUsageHistory { Id = 3, DiscountId = 3, OrderId = 42 },
            new DiscountUsageHistory { Id = 4, DiscountId = 1, OrderId = 41 }
        ]);

        await _bed.DeliverAsync();

        var coupons = VtMarketingTestBed.Generic(_bed.SingleBody()).GetProperty("coupons");
        Assert.That(coupons.EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "SUMMER10", "VIP, GOLD" }));
    }

    [Test]
    public async Task Product_id_source_sends_nopCommerce_product_ids_even_for_attribute_combinations()
    {
        UseRedCupCombination();

        await _bed.DeliverAsync();

        Assert.That(VtMarketingTestBed.Items(_bed.SingleBody()), Is.EqualTo(new[] { ("501", 2), ("502", 1) }));
    }

    [Test]
    public async Task Sku_source_sends_the_combination_sku_then_the_product_sku_then_the_product_id()
    {
        _bed.Settings.ProductIdSource = ProductIdSource.Sku;
        UseRedCupCombination();
        _bed.Context.Shop.Products.Add(new Product { Id = 503, Name = "Filter", Sku = "FLT-3" });
        _bed.Context.Shop.OrderItems.Add(new OrderItem { Id = 1003, OrderId = 42, ProductId = 503, Quantity = 4 });

        await _bed.DeliverAsync();

        Assert.That(VtMarketingTestBed.Items(_bed.SingleBody()), Is.EqualTo(new[] { ("cup-01-red", 2), ("502", 1), ("flt-3", 4) }));
    }

    [TestCase(ProductIdSource.ProductId)]
    [TestCase(ProductIdSource.Sku)]
    public async Task Products_deleted_after_the_order_are_still_sent_by_product_id(ProductIdSource source)
    {
        _bed.Settings.ProductIdSource = source;
        _bed.Context.Shop.Products.Single(p => p.Id == 501).Deleted = true;
        _bed.Context.Shop.Products.RemoveAll(p => p.Id == 502);

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered));
        Assert.That(VtMarketingTestBed.Items(_bed.SingleBody()), Is.EqualTo(new[] { ("501", 2), ("502", 1) }));
    }

    [Test]
    public async Task Order_with_300_lines_sends_all_of_them()
    {
        var shop = _bed.Context.Shop;
        _bed.Settings.ProductIdSource = ProductIdSource.Sku;
        shop.OrderItems.Clear();
        for (var n = 0; n < 300; n++)
        {
            shop.Products.Add(new Product { Id = 1000 + n, Name = $"Item {n}", Sku = n % 3 == 0 ? "" : $"SKU-{n}" });
            shop.OrderItems.Add(new OrderItem { Id = 5000 + n, OrderId = 42, ProductId = 1000 + n, Quantity = 1 + n % 7 });
        }

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered));
        var expected = Enumerable.Range(0, 300).Select(n => (n % 3 == 0 ? (1000 + n).ToString() : $"sku-{n}", 1 + n % 7)).ToArray();
        Assert.That(VtMarketingTestBed.Items(_bed.SingleBody()), Is.EqualTo(expected));
    }

    [TestCase("Zoë", "Ångström-Łukasiewicz 山田", "Kraków", "+48 12 345 67 89", "Zoë", "Ångström-Łukasiewicz 山田", "Kraków", "+48 12 345 67 89")]
    [TestCase(" Anna ", "Bianchi  ", "Milano", "  +39 02 7654321 ", "Anna", "Bianchi", "Milano", "+39 02 7654321")]
    public async Task Billing_names_city_and_phone_arrive_trimmed_and_otherwise_unchanged(string firstName, string lastName, string city, string phone,
        string sentFirstName, string sentLastName, string sentCity, string sentPhone)
    {
        var billing = _bed.Context.Shop.Addresses.Single(a => a.Id == 100);
        (billing.FirstName, billing.LastName, billing.City, billing.PhoneNumber) = (firstName, lastName, city, phone);

        await _bed.DeliverAsync();

        var body = _bed.SingleBody();
        var user = body.GetProperty("user");
        Assert.That(new[] { "firstname", "lastname", "city", "tel" }.Select(name => user.GetProperty(name).GetString()),
            Is.EqualTo(new[] { sentFirstName, sentLastName, sentCity, sentPhone }));
        Assert.That(VtMarketingTestBed.Generic(body).GetProperty("phone").GetString(), Is.EqualTo(sentPhone));
    }

    [Test]
    public async Task Optional_user_fields_without_a_value_are_left_out()
    {
        var billing = _bed.Context.Shop.Addresses.Single(a => a.Id == 100);
        billing.PhoneNumber = "";
        billing.City = null!;
        billing.CountryId = null;

        await _bed.DeliverAsync();

        var body = _bed.SingleBody();
        JsonAssert.HasExactKeys(body.GetProperty("user"), "email", "firstname", "lastname");
        JsonAssert.HasExactKeys(VtMarketingTestBed.Generic(body), "orderId", "total", "status", "currency", "total_shipping");
    }

    [TestCase(OrderStatus.Processing, "in_lavorazione")]
    [TestCase(OrderStatus.Complete, "complete")]
    public async Task Status_is_mapped_from_the_order_status_through_the_settings(OrderStatus status, string expected)
    {
        _bed.Settings.ProcessingOrderStatus = "in_lavorazione";
        _bed.Context.Order.OrderStatus = status;

        await _bed.DeliverAsync();

        Assert.That(VtMarketingTestBed.Generic(_bed.SingleBody()).GetProperty("status").GetString(), Is.EqualTo(expected));
    }

    [Test]
    public async Task Blank_status_mapping_leaves_the_status_out()
    {
        _bed.Settings.PendingOrderStatus = " ";

        await _bed.DeliverAsync();

        Assert.That(VtMarketingTestBed.Generic(_bed.SingleBody()).TryGetProperty("status", out _), Is.False);
    }

    [Test]
    public async Task Missing_email_cannot_be_sent_and_the_reason_names_the_order()
    {
        _bed.Context.Shop.Customers.Single().Email = "";
        _bed.Context.Shop.Addresses.Single(a => a.Id == 100).Email = null!;

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.CannotSend));
        Assert.That(outcome.Reason, Does.StartWith("Order 42: neither the customer nor the billing address has an email"));
        Assert.That(_bed.Server.Requests, Is.Empty);
    }

    [Test]
    public async Task Error_body_becomes_message_colon_description()
    {
        _bed.Answer(_ => new FakeResponse(400,
            """{"errors":[{"message":"Invalid event","description":"orderId already exists"},{"message":"Invalid user","description":"email giulia.rossi@example.com is blocked"}]}"""));

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Rejected));
        Assert.That(outcome.HttpStatus, Is.EqualTo(400));
        Assert.That(outcome.Reason, Is.EqualTo("HTTP 400: Invalid event: orderId already exists; Invalid user: email [email] is blocked"));
    }

    [TestCase(201)]
    [TestCase(202)]
    [TestCase(204)]
    public async Task Only_200_counts_as_delivered_any_other_success_status_fails_without_a_retry(int status)
    {
        _bed.Answer(_ => new FakeResponse(status, status == 204 ? "" : VtMarketingTestBed.EventCreated));

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Rejected));
        Assert.That(outcome.HttpStatus, Is.EqualTo(status));
        Assert.That(outcome.Reason, Does.StartWith($"HTTP {status}: VTmarketing answers 200 when it records an event"));
    }

    [Test]
    public async Task A_lost_answer_is_not_retried_because_VTmarketing_may_have_counted_the_order()
    {
        _bed.Context.DeliverySettings.AttemptTimeoutSeconds = 1;
        _bed.Answer(_ => new FakeResponse(200, VtMarketingTestBed.EventCreated, Delay: TimeSpan.FromSeconds(3)));

        var outcome = await _bed.DeliverAsync();

        Assert.That(_bed.Server.Requests, Has.Count.EqualTo(1), "the event went out once");
        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Rejected), "a retry could count the order twice in VTmarketing");
        Assert.That(outcome.Reason, Is.EqualTo(
            "Sent, no answer within 1 s. VTmarketing may have it: VTmarketing documents no duplicate check and could count the order twice in its reports, " +
            "so it is not sent again automatically. Check in VTmarketing whether the order number of order id 42 (OrderPlaced) is recorded, then resend it from the delivery log only if it is missing."));
    }

    [TestCase(503)]
    [TestCase(429)]
    public async Task Refusals_that_recorded_nothing_are_still_retried(int status)
    {
        _bed.Answer(_ => new FakeResponse(status, """{"errors":[{"message":"Busy","description":"try later"}]}"""));

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.RetryLater));
    }

    [TestCase("not json at all", "HTTP 400: not json at all")]
    [TestCase("""{"errors":[]}""", """HTTP 400: {"errors":[]}""")]
    [TestCase("""{"errors":[{"message":"Unauthorized"}]}""", "HTTP 400: Unauthorized")]
    public void Error_bodies_in_other_shapes_are_kept_as_they_came(string body, string expected) =>
        Assert.That("HTTP 400: " + VtMarketingClient.DescribeError(body), Is.EqualTo(expected));

    // generic.total is the order's value whatever paid it (docs/vendors.md §3): (OrderTotal + redeemed gift cards + reward
    // points) × CurrencyRate, half away from zero to 2 decimals.
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
    public async Task Total_is_what_was_paid_even_when_an_order_total_discount_brings_it_below_the_shipping()
    {
        // One line of 10.00, shipping 5.00 and a 12.00 order-total coupon: nopCommerce's OrderTotal is 3.00.
        var shop = _bed.Context.Shop;
        var order = _bed.Context.Order;
        shop.OrderItems.RemoveAll(i => i.Id == 1002);
        var cup = shop.OrderItems.Single(i => i.Id == 1001);
        cup.Quantity = 1;
        cup.PriceInclTax = 10.00m;
        cup.PriceExclTax = 8.20m;
        order.TaxRates = "22:1.80;";
        order.OrderShippingInclTax = 5.00m;
        order.OrderShippingExclTax = 5.00m;
        order.OrderDiscount = 12.00m;
        order.OrderTotal = 3.00m;
        shop.Discounts.Add(new Discount { Id = 1, Name = "Minus 12", DiscountType = DiscountType.AssignedToOrderTotal, RequiresCouponCode = true, CouponCode = "MINUS12" });
        shop.DiscountUsages.Add(new DiscountUsageHistory { Id = 1, DiscountId = 1, OrderId = order.Id });

        await _bed.DeliverAsync();

        var generic = VtMarketingTestBed.Generic(_bed.SingleBody());
        // 5.00 × 1.1337 = 5.6685 → 5.67
        Assert.That(generic.GetProperty("total_shipping").GetDecimal(), Is.EqualTo(5.67m));
        // 3.00 × 1.1337 = 3.4011 → 3.40, below the shipping: what was paid, not raised to 5.67.
        Assert.That(generic.GetProperty("total").GetDecimal(), Is.EqualTo(3.40m));
    }

    [Test]
    public async Task Phone_and_names_come_from_the_billing_address_only_never_from_the_customer_account()
    {
        var customer = _bed.Context.Shop.Customers.Single(c => c.Id == 7);
        customer.Phone = "+39 333 7654321";
        customer.FirstName = "Giulia";
        customer.LastName = "Rossi";
        var billing = _bed.Context.Shop.Addresses.Single(a => a.Id == 100);
        billing.PhoneNumber = " ";
        billing.FirstName = null!;
        billing.LastName = "";

        var outcome = await _bed.DeliverAsync();

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Delivered), outcome.Reason);
        var body = _bed.SingleBody();
        JsonAssert.HasExactKeys(body.GetProperty("user"), "email", "country", "city");
        JsonAssert.HasExactKeys(VtMarketingTestBed.Generic(body), "orderId", "total", "status", "currency", "total_shipping");
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

    private void UseRedCupCombination()
    {
        const string red = "<Attributes><ProductAttribute ID=\"1\"><ProductAttributeValue><Value>3</Value></ProductAttributeValue></ProductAttribute></Attributes>";
        _bed.Context.Shop.OrderItems.Single(i => i.Id == 1001).AttributesXml = red;
        _bed.Context.Shop.Combinations.Add(new ProductAttributeCombination { Id = 1, ProductId = 501, AttributesXml = red, Sku = "CUP-01-RED" });
    }
}
