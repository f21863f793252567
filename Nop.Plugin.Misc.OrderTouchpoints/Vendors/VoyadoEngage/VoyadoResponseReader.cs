using System.Text.Json;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>
/// Reads the few things the plugin needs from Engage answers. Engage documents no error schema; the
/// readers accept the shapes seen in practice and return null for anything else (the caller then fails
/// the delivery with the raw, trimmed body as its reason).
/// </summary>
public static class VoyadoResponseReader
{
    /// <summary>Longest lookup answer that can hold an id: a GUID in quotes, with room for whitespace around it.</summary>
    private const int MaxLookupAnswerLength = 64;

    /// <summary>
    /// The lookup answers the id as a JSON string, quotes included (<c>"2e40b702-…"</c>, docs/vendors.md §2.1); anything
    /// else (a bare word, an object, a page a proxy put in its place) is no id, whatever the status said.
    /// </summary>
    public static string? ContactIdFromLookup(string? body)
    {
        var text = body?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxLookupAnswerLength || !text.StartsWith('"'))
            return null;
        return TryParse(text, out var root) && root.ValueKind == JsonValueKind.String ? AsContactId(root.GetString()) : null;
    }

    /// <summary>
    /// Engage's contact ids are GUIDs (<c>2e40b702-9a1b-4c6e-…</c>, 32 hex digits with or without hyphens). Only that form is
    /// saved on a customer and posted as a match key: a longer or other value would be whatever the answer carried.
    /// </summary>
    public static string? AsContactId(string? value)
    {
        var text = value?.Trim();
        return text is { Length: 32 or 36 } && (Guid.TryParseExact(text, "D", out _) || Guid.TryParseExact(text, "N", out _)) ? text : null;
    }

    /// <summary>Contact creation answers the created contact; its <c>id</c> is the contact id.</summary>
    public static string? ContactIdFromCreated(string? body) =>
        TryParse(body, out var root) && root.ValueKind == JsonValueKind.Object ? IdOf(root) : null;

    /// <summary>
    /// First match of a 409 MultipleMatches answer. Engage does not publish its shape; two are accepted: a
    /// top-level list (<c>{"multipleMatchesFound":["id1","id2"]}</c>, what a public connector reads) and Engage's
    /// error envelope (<c>{"errorCode":"MultipleMatches","messageDetails":{"multipleMatchesFound":[…]}}</c>, where
    /// <c>messageDetails</c> may also arrive as a JSON-encoded string). The list holds ids or contacts with an
    /// <c>id</c>; property names are matched case-insensitively.
    /// </summary>
    public static string? FirstMultipleMatch(string? body)
    {
        if (!TryParse(body, out var root) || root.ValueKind != JsonValueKind.Object)
            return null;
        if (Property(root, "multipleMatchesFound") is { ValueKind: JsonValueKind.Array } topLevel && FirstId(topLevel) is { } id)
            return id;
        if (Property(root, "messageDetails") is not { } details)
            return null;
        if (details.ValueKind == JsonValueKind.String && !TryParse(details.GetString(), out details))
            return null;
        return details.ValueKind == JsonValueKind.Object && Property(details, "multipleMatchesFound") is { ValueKind: JsonValueKind.Array } matches
            ? FirstId(matches)
            : null;
    }

    private static string? FirstId(JsonElement matches)
    {
        foreach (var match in matches.EnumerateArray())
        {
            var id = match.ValueKind switch
            {
                JsonValueKind.String => AsContactId(match.GetString()),
                JsonValueKind.Object => IdOf(match),
                _ => null
            };
            if (id is not null)
                return id;
        }
        return null;
    }

    /// <summary>
    /// Whether an order post was refused because Engage does not know the contact id: 404, or 400/422 whose
    /// body carries Engage's ContactNotFound code (the orders endpoint documents only "400/422 with an error code").
    /// </summary>
    public static bool IsUnknownContact(VendorResponse response) =>
        response.StatusCode == 404
        || (response.StatusCode is 400 or 422 && response.Body?.Contains("ContactNotFound", StringComparison.OrdinalIgnoreCase) == true);

    private static string? IdOf(JsonElement contact) =>
        (Property(contact, "id") ?? Property(contact, "contactId")) is { ValueKind: JsonValueKind.String } id ? AsContactId(id.GetString()) : null;

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                return property.Value;
        }
        return null;
    }

    private static bool TryParse(string? json, out JsonElement root)
    {
        root = default;
        if (string.IsNullOrWhiteSpace(json))
            return false;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
