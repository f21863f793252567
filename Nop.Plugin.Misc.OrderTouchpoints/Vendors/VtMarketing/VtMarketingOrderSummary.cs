using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

/// <summary><c>event.confirmation.generic</c>: the order; amounts are JSON numbers in the customer's currency.</summary>
public sealed record VtMarketingOrderSummary(
    [property: JsonPropertyName("orderId")] string OrderId,
    [property: JsonPropertyName("total")] decimal Total)
{
    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Status { get; init; }

    /// <summary>
    /// A JSON array of strings. docs/vendors.md does not give the type; VTmarketing's own server-side
    /// example sends <c>"coupons":["coupon1", "coupon2"]</c>, and an array also survives codes that contain commas.
    /// </summary>
    [JsonPropertyName("coupons")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Coupons { get; init; }

    [JsonPropertyName("phone")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Phone { get; init; }

    [JsonPropertyName("currency")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Currency { get; init; }

    [JsonPropertyName("total_shipping")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? TotalShipping { get; init; }
}

/// <summary>One order line; <c>id</c> is a string in VTmarketing's examples even when numeric.</summary>
public sealed record VtMarketingItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("quantity")] int Quantity);
