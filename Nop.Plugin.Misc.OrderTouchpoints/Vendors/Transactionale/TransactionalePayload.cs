using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;

/// <summary>
/// Body of <c>POST /api/v1/transaction</c>: one flat object, snake_case keys. <c>country</c>, <c>email</c>
/// and <c>first_name</c> are required; every other key is left out rather than sent empty.
/// The documented <c>national_identification_number</c>, <c>birth_year</c> and <c>gender</c> are never sent.
/// </summary>
public sealed record TransactionalePayload(
    [property: JsonPropertyName("country")] string Country,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("first_name")] string FirstName)
{
    [JsonPropertyName("last_name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LastName { get; init; }

    [JsonPropertyName("zip_code")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ZipCode { get; init; }

    [JsonPropertyName("phone")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Phone { get; init; }

    /// <summary>Order total in the customer's currency; always sent together with <see cref="TransactionCurrency"/>.</summary>
    [JsonPropertyName("transaction_value")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? TransactionValue { get; init; }

    [JsonPropertyName("transaction_currency")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TransactionCurrency { get; init; }
}
