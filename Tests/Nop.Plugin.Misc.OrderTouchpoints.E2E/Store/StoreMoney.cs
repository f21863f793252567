namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>
/// The store set up to charge money the way a real shop does, with nopCommerce's own bundled plugins: two fixed tax
/// rates (Tax.FixedOrByCountryStateZip, by tax category), a fixed Ground shipping fee (Shipping.FixedByWeightByTotal),
/// a coupon on the order subtotal and one on the order total, reward points worth 1 per point, and the euro published
/// at a rate that is not 1. Written as the setting rows and entities the admin pages write, then one restart (settings,
/// discounts and currencies are cached in the process).
/// </summary>
public static class StoreMoney
{
    public const string SubtotalCoupon = "E2E-SUBTOTAL-10PCT";
    public const string TotalCoupon = "E2E-TOTAL-5";
    public const decimal SubtotalDiscountPercent = 10m;
    public const decimal TotalDiscountAmount = 5m;
    public const decimal ShippingFee = 7.35m;
    public const decimal EuroRate = 0.9137m;
    public const decimal FirstTaxRate = 22m;
    public const decimal SecondTaxRate = 10m;

    /// <summary>Two simple products of the sample catalogue in different tax categories.</summary>
    public static readonly string[] Products = [StorefrontCheckout.ProductPath, "fahrenheit-451-by-ray-bradbury"];

    public static async Task EnsureAsync(Suite suite)
    {
        var db = suite.Database;
        if (await db.ScalarAsync<long>("""select count(*) from "Discount" where "CouponCode" = $1""", TotalCoupon) > 0)
            return;

        var categories = new List<int>();
        foreach (var slug in Products)
        {
            categories.Add(await db.ScalarAsync<int?>("""
                select p."TaxCategoryId" from "Product" p join "UrlRecord" u on u."EntityId" = p."Id" and u."EntityName" = 'Product'
                where u."Slug" = $1
                """, slug) ?? throw new InvalidOperationException($"the sample product /{slug} is missing"));
        }
        if (categories.Distinct().Count() != categories.Count)
            throw new InvalidOperationException($"the sample products {string.Join(", ", Products)} share a tax category; two rates need two");
        var groundId = await db.ScalarAsync<int>("""select "Id" from "ShippingMethod" where "Name" = 'Ground'""");

        await SetAsync(db, "taxsettings.activetaxprovidersystemname", "Tax.FixedOrByCountryStateZip");
        await SetAsync(db, "fixedorbycountrystateziptaxsettings.countrystatezipenabled", "False");
        await SetAsync(db, $"tax.taxprovider.fixedorbycountrystatezip.taxcategoryid{categories[0]}", Text(FirstTaxRate));
        await SetAsync(db, $"tax.taxprovider.fixedorbycountrystatezip.taxcategoryid{categories[1]}", Text(SecondTaxRate));
        await SetAsync(db, "fixedbyweightbytotalsettings.shippingbyweightbytotalenabled", "False");
        await SetAsync(db, $"shippingratecomputationmethod.fixedbyweightbytotal.rate.shippingmethodid{groundId}", Text(ShippingFee));
        await SetAsync(db, "rewardpointssettings.enabled", "True");
        await SetAsync(db, "rewardpointssettings.exchangerate", "1");
        await SetAsync(db, "rewardpointssettings.minimumrewardpointstouse", "0");

        // DiscountType: AssignedToOrderTotal = 1, AssignedToOrderSubTotal = 20; DiscountLimitationType.Unlimited = 0.
        await AddCouponAsync(db, "E2E 10% off the subtotal", 20, usePercentage: true, SubtotalDiscountPercent, 0m, SubtotalCoupon);
        await AddCouponAsync(db, "E2E 5 off the total", 1, usePercentage: false, 0m, TotalDiscountAmount, TotalCoupon);
        await db.ExecuteAsync("""update "Currency" set "Published" = true, "Rate" = $1 where "CurrencyCode" = 'EUR'""", EuroRate);

        await suite.Plugin.RestartAsync(suite.Admin);
    }

    /// <summary>An activated gift card of <paramref name="amount"/> (primary currency) with its own code.</summary>
    public static async Task<string> NewGiftCardAsync(StoreDatabase db, decimal amount)
    {
        var code = "E2E-GIFT-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await db.ExecuteAsync("""
            insert into "GiftCard" ("GiftCardTypeId", "Amount", "IsGiftCardActivated", "GiftCardCouponCode", "RecipientName", "RecipientEmail",
                                    "SenderName", "SenderEmail", "Message", "IsRecipientNotified", "CreatedOnUtc")
            values (0, $1, true, $2, 'E2E', 'gift@example.org', 'E2E', 'gift@example.org', '', true, $3)
            """, amount, code, DateTime.UtcNow);
        return code;
    }

    /// <summary>Reward points on a registered customer's balance (what the admin's "Add reward points" writes).</summary>
    public static async Task GrantRewardPointsAsync(StoreDatabase db, string email, int points)
    {
        var customerId = await db.ScalarAsync<int>("""select "Id" from "Customer" where "Email" = $1""", email);
        await db.ExecuteAsync("""
            insert into "RewardPointsHistory" ("CustomerId", "StoreId", "Points", "PointsBalance", "UsedAmount", "Message", "CreatedOnUtc", "ValidPoints")
            values ($1, 1, $2, $2, 0, 'E2E points', $3, $2)
            """, customerId, points, DateTime.UtcNow);
    }

    public static Task<int> EuroIdAsync(StoreDatabase db) => db.ScalarAsync<int>("""select "Id" from "Currency" where "CurrencyCode" = 'EUR'""");

    private static async Task SetAsync(StoreDatabase db, string name, string value)
    {
        await db.ExecuteAsync("""delete from "Setting" where "Name" = $1 and "StoreId" = 0""", name);
        await db.ExecuteAsync("""insert into "Setting" ("Name", "Value", "StoreId") values ($1, $2, 0)""", name, value);
    }

    private static Task AddCouponAsync(StoreDatabase db, string name, int discountTypeId, bool usePercentage, decimal percentage, decimal amount, string code) =>
        db.ExecuteAsync("""
            insert into "Discount" ("Name", "AdminComment", "DiscountTypeId", "UsePercentage", "DiscountPercentage", "DiscountAmount", "RequiresCouponCode",
                                    "CouponCode", "IsCumulative", "DiscountLimitationId", "LimitationTimes", "AppliedToSubCategories", "IsActive")
            values ($1, '', $2, $3, $4, $5, true, $6, false, 0, 1, false, true)
            """, name, discountTypeId, usePercentage, percentage, amount, code);

    private static string Text(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
