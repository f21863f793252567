using System.Net.Http.Headers;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;

/// <summary>
/// Typed HTTP client for Transactionale's REST endpoint. The key travels per request in
/// <c>X-Authorization</c> (the raw key, no scheme word): one HttpClient serves every store and key.
/// </summary>
public class TransactionaleClient(HttpClient httpClient, VendorRequestSender sender)
{
    public const string ApiKeyHeader = "X-Authorization";

    /// <summary>
    /// Each accepted post makes Transactionale email the customer, and it documents no duplicate check (nor any
    /// response): a post repeated after a lost answer can be a second mail.
    /// </summary>
    public const RepeatEffect PostRepeat = RepeatEffect.ActsTwice;

    /// <summary>The body's fields that name or reach the customer, masked where an error answer repeats them.</summary>
    private static readonly string[] PersonalFields = ["email", "first_name", "last_name", "phone", "zip_code"];

    /// <summary>
    /// One attempt; Transactionale documents no responses, so any 2xx is delivered and anything else keeps a body excerpt.
    /// <paramref name="delivery"/>: the delivery it belongs to, for the reason of a lost answer (null for a connection test).
    /// </summary>
    public Task<VendorResponse> PostAsync(Uri endpoint, string apiKey, string json, DeliveryRequest? delivery,
        CancellationToken cancellationToken) =>
        sender.SendAsync(httpClient, TransactionaleTouchpointChannel.About, apiKey,
            () => CreateRequest(endpoint, apiKey, json), body => VendorErrorText.MaskEchoes(body, json, PersonalFields), PostRepeat, delivery, cancellationToken,
            connectionTest: delivery is null);

    public static HttpRequestMessage CreateRequest(Uri endpoint, string apiKey, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = VendorJson.Content(json) };
        request.Headers.TryAddWithoutValidation(ApiKeyHeader, apiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }
}
