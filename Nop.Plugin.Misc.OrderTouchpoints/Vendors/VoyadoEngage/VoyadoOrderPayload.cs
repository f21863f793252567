using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>
/// Body of <c>POST /api/v2/orders</c> (docs/vendors.md §2.3). Amounts are in the customer's currency at 2 decimals
/// and pass Engage's three published validations: Σ items.grossPaidPrice + freightFee.value + handlingFee.value
/// + totalRoundOff.value = totalGrossPrice; totalTax = Σ items.taxAmount + the fees' tax; each item's taxAmount
/// follows from its grossPaidPrice and taxPercent.
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
    [property: JsonPropertyName("paymentMethods")] IReadOnlyList<VoyadoPaymentMethod>? PaymentMethods,
    [property: JsonPropertyName("totalRoundOff")] VoyadoRoundOff? TotalRoundOff,
    [property: JsonPropertyName("shippingDate")] string? ShippingDate,
    [property: JsonPropertyName("extraData")] IReadOnlyDictionary<string, string>? ExtraData,
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

/// <summary>One order line; <see cref="GrossPaidPrice"/> is what was paid for it incl. tax, after its share of order-level discounts.</summary>
public sealed record VoyadoOrderItem(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("grossPaidPrice")] decimal GrossPaidPrice,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("taxAmount")] decimal? TaxAmount,
    [property: JsonPropertyName("taxPercent")] decimal? TaxPercent,
    [property: JsonPropertyName("imageUrl")] string? ImageUrl,
    [property: JsonPropertyName("targetUrl")] string? TargetUrl,
    [property: JsonPropertyName("discounts")] IReadOnlyList<VoyadoItemDiscount>? Discounts)
{
    public const string PurchaseType = "PURCHASE";
}

/// <summary>A discount on a line, as a negative amount, so order mails can show it.</summary>
public sealed record VoyadoItemDiscount(
    [property: JsonPropertyName("value")] decimal Value,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("description")] string Description)
{
    /// <summary>A product, category or manufacturer discount: already inside the line's price in nopCommerce.</summary>
    public const string ItemType = "ItemDiscount";

    /// <summary>The line's share of subtotal and order-total discounts.</summary>
    public const string OrderShareType = "OrderDiscount";
}

/// <summary>One way the order was paid; in Engage gift cards and reward points are payments inside totalGrossPrice.</summary>
public sealed record VoyadoPaymentMethod(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("value")] decimal Value)
{
    public const string PaymentType = "Payment";
    public const string GiftCardType = "GiftCard";
    public const string RewardPointsType = "RewardPoints";
}

/// <summary>A fee including tax, with the tax part and its rate.</summary>
public sealed record VoyadoFee(
    [property: JsonPropertyName("value")] decimal Value,
    [property: JsonPropertyName("tax")] decimal Tax,
    [property: JsonPropertyName("taxPercent")] decimal? TaxPercent = null);

public sealed record VoyadoRoundOff([property: JsonPropertyName("value")] decimal Value);
