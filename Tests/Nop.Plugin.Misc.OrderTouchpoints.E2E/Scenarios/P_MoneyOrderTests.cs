using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Scenarios;

/// <summary>
/// Orders with money in them, placed through the storefront: two lines of two tax rates with quantities above 1,
/// Ground shipping with a fee, a coupon on the subtotal and one on the total, a gift card, reward points, paid in euro
/// at a rate that is not 1. Each vendor's figures are compared with the order nopCommerce saved: Engage's
/// totalGrossPrice and VTmarketing's total are (OrderTotal + gift cards + reward points) × CurrencyRate, Engage's three
/// published validations hold, and Transactionale's transaction_value is OrderTotal × CurrencyRate.
/// </summary>
[TestFixture, Order(12), Category(Suite.MariaDbCategory)]
public sealed class P_MoneyOrderTests : StoreScenario
{
    private const decimal GiftCardAmount = 12m;
    private const int RewardPoints = 6;
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Every_vendor_gets_the_figures_of_the_order_nopCommerce_saved()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureConfiguredAsync();
        await StoreMoney.EnsureAsync(suite);
        await SetTransactionValueAsync(suite, true);
        try
        {
            var buyer = Buyers.Guest("money");
            using var customer = suite.NewSession();
            await suite.Checkout.RegisterAsync(customer, buyer, "E2e-Passw0rd!");
            await StoreMoney.GrantRewardPointsAsync(suite.Database, buyer.Email, RewardPoints);
            var plan = new OrderPlan(
                [new CartLine(StoreMoney.Products[0], 2), new CartLine(StoreMoney.Products[1], 3)],
                [StoreMoney.SubtotalCoupon, StoreMoney.TotalCoupon],
                await StoreMoney.NewGiftCardAsync(suite.Database, GiftCardAmount),
                UseRewardPoints: true,
                CurrencyId: await StoreMoney.EuroIdAsync(suite.Database));
            var order = await suite.Checkout.PlaceOrderAsync(customer, buyer, plan);

            var saved = await SavedOrderAsync(suite, order.OrderId);
            TestContext.Out.WriteLine($"order {order.OrderNumber}: {string.Join(", ", saved.Select(f => $"{f.Key}={f.Value}"))}");
            Assert.Multiple(() =>
            {
                Assert.That(saved["CustomerCurrencyCode"], Is.EqualTo("EUR"), "the customer paid in euro");
                Assert.That(saved["CurrencyRate"], Is.EqualTo(StoreMoney.EuroRate));
                Assert.That((decimal)saved["OrderSubTotalDiscountExclTax"]!, Is.Positive, "the subtotal coupon applied");
                Assert.That((decimal)saved["OrderDiscount"]!, Is.Positive, "the total coupon applied");
                Assert.That((decimal)saved["OrderShippingInclTax"]!, Is.Positive, "Ground shipping cost a fee");
                Assert.That(TaxRates((string)saved["TaxRates"]!), Is.SupersetOf(new[] { StoreMoney.FirstTaxRate, StoreMoney.SecondTaxRate }), "two tax rates");
                Assert.That((decimal)saved["GiftCards"]!, Is.EqualTo(GiftCardAmount), "the gift card paid its whole amount");
                Assert.That((decimal)saved["RewardPointsAmount"]!, Is.EqualTo((decimal)RewardPoints), "the reward points paid 1 each");
            });
            var orderTotal = (decimal)saved["OrderTotal"]!;
            var rate = (decimal)saved["CurrencyRate"]!;
            var everythingPaid = Money((orderTotal + (decimal)saved["GiftCards"]! + (decimal)saved["RewardPointsAmount"]!) * rate);

            Assert.That(await Eventually.TrueAsync(() =>
                    VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber).Count > 0
                    && VendorRequests.VtMarketing(suite.Vendors, order.OrderNumber).Count > 0
                    && VendorRequests.Transactionale(suite.Vendors, order.Email).Count > 0, DeliveryWait),
                "the order reached every vendor");

            var engage = VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber).Single().Json;
            var engageAnswer = suite.Vendors.Engage.Server.Answered.Single(a => VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber).Contains(a.Request));
            var generic = VendorRequests.VtMarketing(suite.Vendors, order.OrderNumber).Single().Json.GetProperty("event").GetProperty("confirmation");
            var touchpoint = VendorRequests.Transactionale(suite.Vendors, order.Email).Single().Json;
            await File.WriteAllTextAsync(suite.Environment.Artifact("money-order-engage.json"), engage.GetRawText());
            Assert.Multiple(() =>
            {
                Assert.That(engage.GetProperty("totalGrossPrice").GetDecimal(), Is.EqualTo(everythingPaid),
                    "Engage totalGrossPrice = (OrderTotal + gift cards + reward points) × CurrencyRate");
                Assert.That(EngageOrderValidations.Failures(engage), Is.Empty, "Engage's three published order validations");
                Assert.That(engageAnswer.Status, Is.InRange(200, 299), "Engage accepted the order");
                Assert.That(engage.GetProperty("currency").GetString(), Is.EqualTo("EUR"));
                Assert.That(engage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("quantity").GetInt32()).Order(), Is.EqualTo(new[] { 2, 3 }));

                Assert.That(generic.GetProperty("generic").GetProperty("total").GetDecimal(), Is.EqualTo(everythingPaid),
                    "VTmarketing total = (OrderTotal + gift cards + reward points) × CurrencyRate");
                Assert.That(generic.GetProperty("generic").GetProperty("currency").GetString(), Is.EqualTo("EUR"));
                Assert.That(generic.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("quantity").GetInt32()).Order(), Is.EqualTo(new[] { 2, 3 }));

                Assert.That(touchpoint.GetProperty("transaction_value").GetDecimal(), Is.EqualTo(Money(orderTotal * rate)),
                    "Transactionale transaction_value = OrderTotal × CurrencyRate");
                Assert.That(touchpoint.GetProperty("transaction_currency").GetString(), Is.EqualTo("EUR"));
            });
        }
        finally
        {
            await SetTransactionValueAsync(suite, false);
        }
    }

    /// <summary>The order row's money and what gift cards and reward points paid of it (primary currency).</summary>
    private static async Task<Dictionary<string, object?>> SavedOrderAsync(Suite suite, int orderId)
    {
        var row = (await suite.Database.QueryAsync("""
            select "OrderTotal", "CurrencyRate", "CustomerCurrencyCode", "OrderSubTotalDiscountExclTax", "OrderDiscount", "OrderShippingInclTax",
                   "OrderTax", "TaxRates", "RedeemedRewardPointsEntryId"
            from "Order" where "Id" = $1
            """, orderId)).Single();
        row["GiftCards"] = await suite.Database.ScalarAsync<decimal>(
            """select coalesce(sum("UsedValue"), 0) from "GiftCardUsageHistory" where "UsedWithOrderId" = $1""", orderId);
        row["RewardPointsAmount"] = row["RedeemedRewardPointsEntryId"] is { } entryId
            ? await suite.Database.ScalarAsync<decimal>("""select "UsedAmount" from "RewardPointsHistory" where "Id" = $1""", entryId)
            : 0m;
        return row;
    }

    private static async Task SetTransactionValueAsync(Suite suite, bool send)
    {
        var page = await suite.NewAdminPageAsync();
        try
        {
            var configure = new ConfigurePage(page);
            await configure.OpenAsync();
            await page.SetCheckedAsync("#Transactionale_SendTransactionValue", send);
            await configure.SaveAsync();
        }
        finally
        {
            await Suite.CloseAsync(page);
        }
    }

    private static decimal Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>The rates of nopCommerce's Order.TaxRates text, "rate:amount;   rate:amount;   " in invariant culture.</summary>
    private static IEnumerable<decimal> TaxRates(string taxRates) => taxRates
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(pair => decimal.Parse(pair.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture));
}
