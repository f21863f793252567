using System.Text.Json;
using System.Text.RegularExpressions;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;

/// <summary>
/// The Engage v2 contract of docs/vendors.md §2 as a checker of received requests: route, query, the
/// headers every call needs, and each body's exact key set and value types. Returns the violations.
/// </summary>
public static partial class EngageContract
{
    public const string UserAgent = "nopCommerce-OrderTouchpoints/1.0";

    public static readonly string[] ContactKeys = ["firstName", "lastName", "email", "countryCode", "zipCode", "city", "contactType"];

    public static readonly string[] OrderRequiredKeys =
        ["contact", "orderNumber", "orderStatus", "paymentStatus", "createdDate", "storeId", "currency", "totalGrossPrice", "items", "language"];

    public static readonly string[] OrderOptionalKeys =
        ["totalTax", "freightFee", "handlingFee", "totalDiscounts", "paymentMethods", "totalRoundOff", "shippingDate", "extraData", "statusChangedDate"];

    public static readonly string[] ItemRequiredKeys = ["type", "sku", "quantity", "grossPaidPrice", "description"];

    public static readonly string[] ItemOptionalKeys = ["taxAmount", "taxPercent", "imageUrl", "targetUrl", "discounts", "originalPrice"];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")]
    private static partial Regex IsoUtc();

    [GeneratedRegex(@"^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();

    [GeneratedRegex(@"^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    public static IReadOnlyList<string> Check(RecordedRequest request, string apiKey)
    {
        var violations = new List<string>();
        void Expect(bool condition, string message)
        {
            if (!condition)
                violations.Add($"{request.Method} {request.Path}: {message}");
        }

        Expect(request.Header("apikey") == apiKey, "apikey header missing or wrong");
        Expect(request.Header("Authorization") is null, "no Authorization header is expected");
        Expect(request.Header("User-Agent") == UserAgent, $"User-Agent is '{request.Header("User-Agent")}'");
        Expect(request.Header("Content-Type") == "application/json", $"Content-Type is '{request.Header("Content-Type")}'");

        switch (request.Method, request.Path)
        {
            case ("GET", "/api/v2/contacts/id"):
                CheckLookup(request, Expect);
                break;
            case ("POST", "/api/v2/contacts"):
                Expect(request.Query.Length == 0, "no query expected");
                WithJsonObject(request, Expect, body => CheckContact(body, Expect));
                Expect(request.Header("source") is null or { Length: > 0 }, "source header is empty");
                Expect(request.Header("storeExternalId") is null or { Length: > 0 }, "storeExternalId header is empty");
                break;
            case ("POST", "/api/v2/orders"):
                Expect(request.Query.Length == 0, "no query expected");
                WithJsonObject(request, Expect, body =>
                {
                    CheckOrder(body, Expect);
                    if (violations.Count == 0)
                    {
                        foreach (var failure in EngageOrderValidations.Failures(body))
                            Expect(false, failure);
                    }
                });
                break;
            default:
                Expect(false, "not an Engage route the plugin may call");
                break;
        }
        return violations;
    }

    private static void CheckLookup(RecordedRequest request, Action<bool, string> expect)
    {
        expect(request.Body.Length == 0, "a GET carries no body");
        var parameters = QueryParameters(request.Query);
        expect(request.Query.StartsWith("?email=") && parameters.Keys.All(k => k is "email" or "contactType") && parameters.Count == parameters.Keys.Distinct().Count(),
            $"query must be email=… with an optional contactType=…, was '{request.Query}'");
        foreach (var (name, raw) in parameters)
        {
            expect(raw.Length > 0, $"{name} is empty");
            expect(raw == Uri.EscapeDataString(Uri.UnescapeDataString(raw)), $"{name} is not url-encoded: '{raw}'");
        }
    }

    /// <summary>The raw (still encoded) query parameters in order.</summary>
    public static Dictionary<string, string> QueryParameters(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .GroupBy(parts => parts[0])
            .ToDictionary(g => g.Key, g => g.First().Length > 1 ? g.First()[1] : "");

    private static void CheckContact(JsonElement body, Action<bool, string> expect)
    {
        ExactKeys(body, ["email"], ContactKeys, "contact", expect);
        foreach (var property in body.EnumerateObject())
            expect(property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length > 0, $"contact.{property.Name} must be a non-empty string");
        if (body.TryGetProperty("countryCode", out var country) && country.ValueKind == JsonValueKind.String)
            expect(CountryCode().IsMatch(country.GetString()!), "countryCode must be ISO 3166-1 alpha-2 upper case");
    }

    private static void CheckOrder(JsonElement body, Action<bool, string> expect)
    {
        ExactKeys(body, OrderRequiredKeys, OrderOptionalKeys, "order", expect);
        if (body.TryGetProperty("contact", out var contact))
        {
            expect(contact.ValueKind == JsonValueKind.Object, "contact must be an object");
            if (contact.ValueKind == JsonValueKind.Object)
            {
                ExactKeys(contact, ["matchKey", "matchKeyType"], [], "contact", expect);
                expect(IsNonEmptyString(contact, "matchKey"), "contact.matchKey must be a non-empty string");
                expect(contact.TryGetProperty("matchKeyType", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "ContactId",
                    "contact.matchKeyType must be \"ContactId\"");
            }
        }
        foreach (var name in new[] { "orderNumber", "orderStatus", "paymentStatus", "storeId", "language" })
        {
            if (body.TryGetProperty(name, out _))
                expect(IsNonEmptyString(body, name), $"{name} must be a non-empty string");
        }
        foreach (var name in new[] { "createdDate", "statusChangedDate", "shippingDate" })
        {
            if (body.TryGetProperty(name, out var date))
                expect(date.ValueKind == JsonValueKind.String && IsoUtc().IsMatch(date.GetString()!), $"{name} must be ISO 8601 UTC with Z");
        }
        if (body.TryGetProperty("currency", out var currency))
            expect(currency.ValueKind == JsonValueKind.String && CurrencyCode().IsMatch(currency.GetString()!), "currency must be ISO 4217");
        foreach (var name in new[] { "totalGrossPrice", "totalTax", "totalDiscounts" })
        {
            if (body.TryGetProperty(name, out var amount))
                expect(IsMoney(amount), $"{name} must be a number with at most 2 decimals");
        }
        foreach (var name in new[] { "freightFee", "handlingFee" })
        {
            if (body.TryGetProperty(name, out var fee))
                CheckAmounts(fee, ["value", "tax"], name, expect, optional: ["taxPercent"]);
        }
        if (body.TryGetProperty("paymentMethods", out var payments))
        {
            expect(payments.ValueKind == JsonValueKind.Array && payments.GetArrayLength() > 0, "paymentMethods must be a non-empty array");
            if (payments.ValueKind == JsonValueKind.Array)
            {
                foreach (var payment in payments.EnumerateArray())
                    CheckTypedAmount(payment, "paymentMethods[]", expect, negative: false);
            }
        }
        if (body.TryGetProperty("extraData", out var extra))
        {
            expect(extra.ValueKind == JsonValueKind.Object && extra.EnumerateObject().Any(), "extraData must be a non-empty object");
            if (extra.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in extra.EnumerateObject())
                    expect(property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length > 0, $"extraData.{property.Name} must be a non-empty string");
            }
        }
        if (body.TryGetProperty("totalRoundOff", out var roundOff))
            CheckAmounts(roundOff, ["value"], "totalRoundOff", expect);
        if (body.TryGetProperty("items", out var items))
        {
            expect(items.ValueKind == JsonValueKind.Array && items.GetArrayLength() > 0, "items must be a non-empty array");
            if (items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                    CheckItem(item, expect);
            }
        }
    }

    private static void CheckItem(JsonElement item, Action<bool, string> expect)
    {
        expect(item.ValueKind == JsonValueKind.Object, "an item must be an object");
        if (item.ValueKind != JsonValueKind.Object)
            return;
        ExactKeys(item, ItemRequiredKeys, ItemOptionalKeys, "item", expect);
        expect(item.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "PURCHASE", "item.type must be \"PURCHASE\"");
        expect(IsNonEmptyString(item, "sku"), "item.sku must be a non-empty string");
        expect(IsNonEmptyString(item, "description"), "item.description must be a non-empty string");
        expect(item.TryGetProperty("quantity", out var quantity) && quantity.ValueKind == JsonValueKind.Number && quantity.TryGetInt32(out var q) && q > 0,
            "item.quantity must be a positive integer");
        foreach (var name in new[] { "grossPaidPrice", "taxAmount" })
        {
            if (item.TryGetProperty(name, out var amount))
                expect(IsMoney(amount), $"item.{name} must be a number with at most 2 decimals");
        }
        if (item.TryGetProperty("taxPercent", out var percent))
            expect(percent.ValueKind == JsonValueKind.Number && percent.GetDecimal() >= 0m, "item.taxPercent must be a number, at least 0");
        foreach (var name in new[] { "imageUrl", "targetUrl" })
        {
            if (item.TryGetProperty(name, out var url))
                expect(url.ValueKind == JsonValueKind.String && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https",
                    $"item.{name} must be an absolute http(s) URL");
        }
        if (item.TryGetProperty("discounts", out var discounts))
        {
            expect(discounts.ValueKind == JsonValueKind.Array && discounts.GetArrayLength() > 0, "item.discounts must be a non-empty array");
            if (discounts.ValueKind == JsonValueKind.Array)
            {
                foreach (var discount in discounts.EnumerateArray())
                    CheckTypedAmount(discount, "item.discounts[]", expect, negative: true);
            }
        }
    }

    private static void CheckAmounts(JsonElement element, string[] keys, string name, Action<bool, string> expect, string[]? optional = null)
    {
        expect(element.ValueKind == JsonValueKind.Object, $"{name} must be an object");
        if (element.ValueKind != JsonValueKind.Object)
            return;
        ExactKeys(element, keys, optional ?? [], name, expect);
        foreach (var key in keys)
        {
            if (element.TryGetProperty(key, out var amount))
                expect(IsMoney(amount), $"{name}.{key} must be a number with at most 2 decimals");
        }
        foreach (var key in optional ?? [])
        {
            if (element.TryGetProperty(key, out var number))
                expect(number.ValueKind == JsonValueKind.Number, $"{name}.{key} must be a number");
        }
    }

    /// <summary><c>{ "value", "type", "description" }</c>: a payment (positive) or a discount (negative).</summary>
    private static void CheckTypedAmount(JsonElement element, string name, Action<bool, string> expect, bool negative)
    {
        expect(element.ValueKind == JsonValueKind.Object, $"{name} must be an object");
        if (element.ValueKind != JsonValueKind.Object)
            return;
        ExactKeys(element, ["value", "type", "description"], [], name, expect);
        expect(IsNonEmptyString(element, "type"), $"{name}.type must be a non-empty string");
        expect(IsNonEmptyString(element, "description"), $"{name}.description must be a non-empty string");
        if (element.TryGetProperty("value", out var value))
        {
            expect(IsMoney(value), $"{name}.value must be a number with at most 2 decimals");
            if (value.ValueKind == JsonValueKind.Number)
                expect(negative ? value.GetDecimal() < 0m : value.GetDecimal() > 0m, $"{name}.value must be {(negative ? "negative" : "positive")}");
        }
    }

    private static void ExactKeys(JsonElement element, string[] required, string[] optional, string name, Action<bool, string> expect)
    {
        var keys = element.EnumerateObject().Select(p => p.Name).ToList();
        foreach (var missing in required.Except(keys))
            expect(false, $"{name}.{missing} is required");
        foreach (var unknown in keys.Except(required).Except(optional))
            expect(false, $"{name}.{unknown} is not part of the contract");
        expect(keys.Count == keys.Distinct().Count(), $"{name} has duplicate keys");
        foreach (var property in element.EnumerateObject())
            expect(property.Value.ValueKind != JsonValueKind.Null, $"{name}.{property.Name} is null (nulls are omitted)");
    }

    public static bool IsMoney(JsonElement amount) =>
        amount.ValueKind == JsonValueKind.Number && amount.TryGetDecimal(out var value) && decimal.Round(value, 2) == value;

    private static bool IsNonEmptyString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString());

    private static void WithJsonObject(RecordedRequest request, Action<bool, string> expect, Action<JsonElement> check)
    {
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(request.Body).RootElement;
        }
        catch (JsonException)
        {
            expect(false, "body is not JSON");
            return;
        }
        expect(body.ValueKind == JsonValueKind.Object, "body must be a JSON object");
        if (body.ValueKind == JsonValueKind.Object)
            check(body);
    }
}
