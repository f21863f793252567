using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>
/// An order as the storefront confirmed it: when <c>OpcConfirmOrder</c> answered success is when the customer saw it placed;
/// <paramref name="ConfirmTook"/> is how long that request took (zero when the order was not placed through it).
/// </summary>
public sealed record PlacedOrder(int OrderId, string OrderNumber, int StoreId, string Email, DateTimeOffset ConfirmedAt, TimeSpan ConfirmTook = default);

/// <summary>One product page's "add to cart" with a quantity.</summary>
public sealed record CartLine(string ProductPath, int Quantity);

/// <summary>
/// A card typed at the payment step of nopCommerce's Payments.Manual ("Credit Card"); the fields are those its
/// <c>PaymentInfoValidator</c> checks (Luhn-valid test number, an expiry in the future).
/// </summary>
public sealed record CardPayment(string CardholderName, string CardNumber = "4111111111111111", string CardType = "visa", string CardCode = "123");

/// <summary>
/// What a customer puts in one order: the lines, discount coupons and a gift card typed in the cart, reward points
/// ticked at the payment step, the currency picked in the header (a Currency row id; null = the store's own), and a card
/// (null = Check / Money Order).
/// </summary>
public sealed record OrderPlan(IReadOnlyList<CartLine> Lines, IReadOnlyList<string>? CouponCodes = null, string? GiftCardCode = null,
    bool UseRewardPoints = false, int? CurrencyId = null, CardPayment? Card = null)
{
    public IReadOnlyList<string> Coupons => CouponCodes ?? [];
}

/// <summary>A buyer's address on the billing step; ids come from the store's Country/StateProvince tables.</summary>
public sealed record Buyer(string Email, string FirstName, string LastName, string Zip, string City = "New York", string Phone = "5550100");

/// <summary>
/// Places orders the way a customer's browser does, over HTTP: product page, add to cart, cart, one-page
/// checkout (billing, Ground shipping, Check / Money Order), confirm. nopCommerce raises OrderPlacedEvent
/// inside the confirm request.
/// </summary>
public sealed partial class StorefrontCheckout(StoreDatabase database)
{
    public const string ProductPath = "lenovo-ideacentre";

    public Task<PlacedOrder> PlaceOrderAsync(NopHttpSession session, Buyer buyer, string productPath = ProductPath) =>
        PlaceOrderAsync(session, buyer, new OrderPlan([new CartLine(productPath, 1)]));

    public async Task<PlacedOrder> PlaceOrderAsync(NopHttpSession session, Buyer buyer, OrderPlan plan)
    {
        if (plan.CurrencyId is { } currencyId)
            await session.GetPageAsync($"changecurrency/{currencyId}?returnUrl=%2F");
        foreach (var line in plan.Lines)
        {
            var productPage = await session.GetPageAsync(line.ProductPath);
            var productId = AddToCartUrl().Match(productPage) is { Success: true } match
                ? match.Groups["id"].Value
                : throw new InvalidOperationException($"no add-to-cart button on /{line.ProductPath}");
            await ExpectJsonSuccessAsync(await session.PostFormAsync($"addproducttocart/details/{productId}/1",
                [new($"addtocart_{productId}.EnteredQuantity", line.Quantity.ToString())], ajax: true), "add to cart");
        }

        await session.GetPageAsync("cart");
        foreach (var coupon in plan.Coupons)
            await ApplyInCartAsync(session, "applydiscountcouponcode", "discountcouponcode", coupon);
        if (plan.GiftCardCode is { } giftCard)
            await ApplyInCartAsync(session, "applygiftcardcouponcode", "giftcardcouponcode", giftCard);
        var cart = await session.PostFormAsync("cart",
            [new("checkout", "checkout"), new("termsofservice", "on"), new("checkout_attribute_1", "1")]);
        if (cart.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"the cart did not move on to checkout: {(int)cart.StatusCode}");

        await session.GetPageAsync("onepagecheckout");
        var (countryId, stateId) = await UnitedStatesNewYorkAsync();
        await ExpectSectionAsync(await session.PostFormAsync("checkout/OpcSaveBilling/",
        [
            new("BillingNewAddress.FirstName", buyer.FirstName),
            new("BillingNewAddress.LastName", buyer.LastName),
            new("BillingNewAddress.Email", buyer.Email),
            new("BillingNewAddress.CountryId", countryId.ToString()),
            new("BillingNewAddress.StateProvinceId", stateId.ToString()),
            new("BillingNewAddress.City", buyer.City),
            new("BillingNewAddress.Address1", "1 Main Street"),
            new("BillingNewAddress.ZipPostalCode", buyer.Zip),
            new("BillingNewAddress.PhoneNumber", buyer.Phone),
            new("ShipToSameAddress", "true")
        ], ajax: true), "billing");
        await ExpectSectionAsync(await session.PostFormAsync("checkout/OpcSaveShippingMethod/",
            [new("shippingoption", "Ground___Shipping.FixedByWeightByTotal")], ajax: true), "shipping method");
        await ExpectSectionAsync(await session.PostFormAsync("checkout/OpcSavePaymentMethod/",
            [new("paymentmethod", plan.Card is null ? "Payments.CheckMoneyOrder" : "Payments.Manual"), new("UseRewardPoints", plan.UseRewardPoints ? "true" : "false")],
            ajax: true), "payment method");
        await ExpectPaymentInfoTakenAsync(await session.PostFormAsync("checkout/OpcSavePaymentInfo/", CardFields(plan.Card), ajax: true));

        var confirmClock = Stopwatch.StartNew();
        var confirm = await session.PostFormAsync("checkout/OpcConfirmOrder/", [], ajax: true);
        var body = await confirm.Content.ReadAsStringAsync();
        var confirmTook = confirmClock.Elapsed;
        var confirmedAt = DateTimeOffset.UtcNow;
        if (!body.Contains("\"success\":1", StringComparison.Ordinal))
            throw new InvalidOperationException($"the order was not confirmed: {(int)confirm.StatusCode} {Trim(body)}");

        var completed = await session.GetPageAsync("checkout/completed");
        return await PlacedOrderAsync(completed, buyer.Email, confirmedAt) with { ConfirmTook = confirmTook };
    }

    private static List<KeyValuePair<string, string>> CardFields(CardPayment? card) => card is null
        ? []
        :
        [
            new("CreditCardType", card.CardType),
            new("CardholderName", card.CardholderName),
            new("CardNumber", card.CardNumber),
            new("ExpireMonth", "12"),
            new("ExpireYear", (DateTime.UtcNow.Year + 2).ToString()),
            new("CardCode", card.CardCode)
        ];

    /// <summary>A refused card answers 200 with the payment-info section again (and its messages) instead of moving on to confirm.</summary>
    private static async Task ExpectPaymentInfoTakenAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains("confirm_order", StringComparison.Ordinal) || body.Contains("\"error\":1", StringComparison.Ordinal))
            throw new InvalidOperationException($"checkout step 'payment info' was not taken: {(int)response.StatusCode} {Trim(body)}");
    }

    /// <summary>Reads the order number the "thank you" page shows and finds the order's row.</summary>
    public async Task<PlacedOrder> PlacedOrderAsync(string completedPage, string email, DateTimeOffset confirmedAt)
    {
        var number = OrderNumber().Match(completedPage) is { Success: true } match
            ? match.Groups["number"].Value
            : throw new InvalidOperationException("the completed page shows no order number");
        var rows = await database.QueryAsync("""select "Id", "StoreId" from "Order" where "CustomOrderNumber" = $1""", number);
        var row = rows.Single();
        return new PlacedOrder((int)row["Id"]!, number, (int)row["StoreId"]!, email, confirmedAt);
    }

    /// <summary>Registers a customer (nopCommerce signs them in at once with standard registration).</summary>
    public async Task RegisterAsync(NopHttpSession session, Buyer buyer, string password)
    {
        await session.GetPageAsync("register");
        var response = await session.PostFormAsync("register",
        [
            new("FirstName", buyer.FirstName),
            new("LastName", buyer.LastName),
            new("Email", buyer.Email),
            new("Password", password),
            new("ConfirmPassword", password),
            new("register-button", "")
        ]);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"registration was refused: {(int)response.StatusCode} {Trim(await response.Content.ReadAsStringAsync())}");
    }

    /// <summary>The cart's coupon and gift card boxes: the page answers with the cart again, its message saying whether the code was taken.</summary>
    private static async Task ApplyInCartAsync(NopHttpSession session, string button, string field, string code)
    {
        var response = await session.PostFormAsync("cart", [new(field, code), new(button, button)]);
        var page = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !page.Contains(code, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"the cart did not take the code {code} ({button}): {(int)response.StatusCode}");
        await session.GetPageAsync("cart");
    }

    private async Task<(int CountryId, int StateId)> UnitedStatesNewYorkAsync()
    {
        var countryId = await database.ScalarAsync<int>("""select "Id" from "Country" where "TwoLetterIsoCode" = 'US'""");
        var stateId = await database.ScalarAsync<int>("""select "Id" from "StateProvince" where "CountryId" = $1 and "Abbreviation" = 'NY'""", countryId);
        return (countryId, stateId);
    }

    private static async Task ExpectJsonSuccessAsync(HttpResponseMessage response, string step)
    {
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        if (!json.RootElement.TryGetProperty("success", out var success) || !success.GetBoolean())
            throw new InvalidOperationException($"{step} failed: {Trim(body)}");
    }

    private static async Task ExpectSectionAsync(HttpResponseMessage response, string step)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || body.Contains("\"error\":1", StringComparison.Ordinal) || body.Contains("\"error\":true", StringComparison.Ordinal))
            throw new InvalidOperationException($"checkout step '{step}' failed: {(int)response.StatusCode} {Trim(body)}");
    }

    private static string Trim(string text) => text.Length > 400 ? text[..400] : text;

    [GeneratedRegex(@"addproducttocart/details/(?<id>\d+)/1")]
    private static partial Regex AddToCartUrl();

    [GeneratedRegex(@"Order number:\s*(?:<[^>]+>\s*)*(?<number>[^<\s]+)")]
    private static partial Regex OrderNumber();
}
