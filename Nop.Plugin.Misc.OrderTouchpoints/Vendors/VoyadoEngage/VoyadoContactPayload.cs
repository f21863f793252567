using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>
/// Body of <c>POST /api/v2/contacts</c>: Engage's flat contact attributes. Deliberately no
/// <c>preferences</c>: order mail is service communication and must not record marketing consent.
/// </summary>
public sealed record VoyadoContactPayload(
    [property: JsonPropertyName("firstName")] string? FirstName,
    [property: JsonPropertyName("lastName")] string? LastName,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("countryCode")] string? CountryCode,
    [property: JsonPropertyName("zipCode")] string? ZipCode,
    [property: JsonPropertyName("city")] string? City,
    [property: JsonPropertyName("contactType")] string? ContactType);
