using System.Text.Json;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

/// <summary>
/// Typed HTTP client for VTmarketing's events API. The key goes per request in <c>Authorization</c> as the
/// raw key with no scheme word, which the typed AuthenticationHeaderValue cannot express.
/// </summary>
public class VtMarketingClient(HttpClient httpClient, VendorRequestSender sender)
{
    /// <summary>
    /// VTmarketing documents no deduplication (orderId is only "needed to uniquely add orders to an user"): an
    /// event repeated after a lost answer may count the order twice in its reports and run its automations twice.
    /// </summary>
    public const RepeatEffect EventRepeat = RepeatEffect.ActsTwice;

    /// <summary>The event's fields that name or reach the customer, masked where an error answer repeats them.</summary>
    private static readonly string[] PersonalFields = ["email", "tel", "firstname", "lastname", "phone", "city"];

    /// <param name="delivery">The delivery the event belongs to, for the reason of a lost answer (null for a connection test).</param>
    public Task<VendorResponse> PostAsync(Uri endpoint, string apiKey, string json, DeliveryRequest? delivery,
        CancellationToken cancellationToken) =>
        sender.SendAsync(httpClient, VtMarketingTouchpointChannel.About, apiKey,
            () => CreateRequest(endpoint, apiKey, json), body => VendorErrorText.MaskEchoes(DescribeError(body), json, PersonalFields), EventRepeat, delivery,
            cancellationToken, connectionTest: delivery is null);

    public static HttpRequestMessage CreateRequest(Uri endpoint, string apiKey, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = VendorJson.Content(json) };
        request.Headers.TryAddWithoutValidation("Authorization", apiKey);
        return request;
    }

    /// <summary><c>{"errors":[{"message","description"}]}</c> → "message: description" (joined with "; "); any other body as it came.</summary>
    public static string DescribeError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("errors", out var errors)
                || errors.ValueKind != JsonValueKind.Array)
                return body;
            var parts = errors.EnumerateArray()
                .Select(error => string.Join(": ", new[] { Text(error, "message"), Text(error, "description") }.Where(t => !string.IsNullOrWhiteSpace(t))))
                .Where(part => part.Length > 0)
                .ToList();
            return parts.Count > 0 ? string.Join("; ", parts) : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private static string? Text(JsonElement error, string name) =>
        error.ValueKind == JsonValueKind.Object && error.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
