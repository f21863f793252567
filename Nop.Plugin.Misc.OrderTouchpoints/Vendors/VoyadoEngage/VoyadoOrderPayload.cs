using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>
/// Body of <c>POST /api/v2/orders</c>. Amounts are in the customer's currency at 2 decimals and satisfy
/// Σ items.grossPaidPrice + freightFee.value + handlingFee.value − totalDiscounts + totalRoundOff.value = totalGrossPrice.
/// </summary>
public sealed record VoyadoOrderPayload(
    [property: JsonPropertyName("contact")] VoyadoOrderContact Contact,
    [property: JsonPropertyName("orderNumber")] string OrderNumber,
    [property: JsonPropertyName("orderStatus")] string OrderStatus,
    [property: JsonPropertyName("paymentStatus")] string PaymentStatus,
    [property: JsonPropertyName("createdDate")] string CreatedDate,
    [property: JsonPropertyName("storeId")] string StoreId,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("totalGrossPrice")] decimal TotalGrossPrice,
    [property: JsonPropertyName("language")] string? Language,
    [property: JsonPropertyName("totalTax")] decimal TotalTax,
    [property: JsonPropertyName("freightFee")] VoyadoFee FreightFee,
    [property: JsonPropertyName("handlingFee")] VoyadoFee? HandlingFee,
    [property: JsonPropertyName("totalDiscounts")] decimal TotalDiscounts,
    [property: JsonPropertyName("totalRoundOff")] VoyadoRoundOff TotalRoundOff,
    [property: JsonPropertyName("statusChangedDate")] string? StatusChangedDate,
    [property: JsonPropertyName("items")] IReadOnlyList<VoyadoOrderItem> Items)
{
    public VoyadoOrderPayload ForContact(string contactId) => this with { Contact = new VoyadoOrderContact(contactId) };
}

/// <summary>Engage matches the order to a contact by its id, which the plugin resolves (and saves) first.</summary>
public sealed record VoyadoOrderContact(
    [property: JsonPropertyName("matchKey")] string MatchKey,
    [property: JsonPropertyName("matchKeyType")] string MatchKeyType = VoyadoOrderContact.ContactIdKeyType)
{
    public const string ContactIdKeyType = "ContactId";
}

/// <summary>One order line; <see cref="GrossPaidPrice"/> is the line total including tax.</summary>
public sealed record VoyadoOrderItem(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("grossPaidPrice")] decimal GrossPaidPrice,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("taxAmount")] decimal? TaxAmount,
    [property: JsonPropertyName("taxPercent")] decimal? TaxPercent)
{
    public const string PurchaseType = "PURCHASE";
}

/// <summary>A fee including tax, with the tax part.</summary>
public sealed record VoyadoFee(
    [property: JsonPropertyName("value")] decimal Value,
    [property: JsonPropertyName("tax")] decimal Tax);

public sealed record VoyadoRoundOff([property: JsonPropertyName("value")] decimal Value);
