using System.Net.Http.Headers;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>
/// Typed HTTP client for the three Engage v2 calls the plugin makes. Every call makes exactly one attempt through
/// <see cref="VendorRequestSender"/>, under the key's rate limit of the store's requests per second (held by
/// <see cref="VendorGate"/>); the key travels per request (one HttpClient serves every store and tenant).
/// </summary>
public class VoyadoClient(HttpClient httpClient, VendorRequestSender sender)
{
    /// <summary>The lookup only reads: asking again changes nothing at Engage.</summary>
    public const RepeatEffect LookupRepeat = RepeatEffect.Harmless;

    /// <summary>
    /// A contact created by a post whose answer was lost is not created twice: Engage answers the repeat 409
    /// (<c>ApprovedContactWithKeyExists</c> / <c>ContactWithKeyIsBeingCreated</c>) and the resolver looks the id up.
    /// </summary>
    public const RepeatEffect ContactCreateRepeat = RepeatEffect.Harmless;

    /// <summary>
    /// Engage does not store or deduplicate orders: every accepted post runs its automations, so a repeated post
    /// is a second email to the customer (docs/vendors.md §2.3; its retry guidance: a POST retried blindly can act twice).
    /// </summary>
    public const RepeatEffect OrderPostRepeat = RepeatEffect.ActsTwice;

    /// <summary>
    /// <c>GET /api/v2/contacts/id?email=…</c>: 200 with the id as a JSON string, 404 when unknown, 409 when ambiguous.
    /// <paramref name="connectionTest"/>: the lookup is the connection test, which any node of a web farm may send.
    /// </summary>
    public Task<VendorResponse> LookUpContactIdAsync(VoyadoConnection connection, string email, CancellationToken cancellationToken,
        bool connectionTest = false) =>
        SendAsync(connection, () => CreateRequest(HttpMethod.Get, connection.LookupUrl(email), connection, json: null), LookupRepeat, null, [email],
            cancellationToken, connectionTest);

    /// <summary><c>POST /api/v2/contacts</c>: 201 with the new contact (its <c>id</c>).</summary>
    public Task<VendorResponse> CreateContactAsync(VoyadoConnection connection, VoyadoContactPayload contact, CancellationToken cancellationToken)
    {
        var json = VendorJson.Serialize(contact);
        return SendAsync(connection, () =>
        {
            var request = CreateRequest(HttpMethod.Post, connection.ContactsUrl, connection, json);
            if (connection.Source is { } source)
                request.Headers.TryAddWithoutValidation("source", source);
            if (connection.StoreExternalId is { } storeExternalId)
                request.Headers.TryAddWithoutValidation("storeExternalId", storeExternalId);
            return request;
        }, ContactCreateRepeat, null, [contact.FirstName, contact.LastName, contact.Email, contact.ZipCode, contact.City], cancellationToken);
    }

    /// <summary>
    /// <c>POST /api/v2/orders</c>: triggers Engage's automations; not idempotent on Engage's side. <paramref name="delivery"/>:
    /// the delivery it carries, named in the reason when the answer is lost.
    /// </summary>
    public Task<VendorResponse> PostOrderAsync(VoyadoConnection connection, VoyadoOrderPayload order, DeliveryRequest delivery, CancellationToken cancellationToken)
    {
        var json = VendorJson.Serialize(order);
        return SendAsync(connection, () => CreateRequest(HttpMethod.Post, connection.OrdersUrl, connection, json), OrderPostRepeat, delivery, [], cancellationToken);
    }

    /// <param name="personalValues">What the request carries of the customer (names, email, address), masked where an error answer repeats it.</param>
    private Task<VendorResponse> SendAsync(VoyadoConnection connection, Func<HttpRequestMessage> createRequest, RepeatEffect repeat,
        DeliveryRequest? delivery, IReadOnlyList<string?> personalValues, CancellationToken cancellationToken, bool connectionTest = false) =>
        sender.SendAsync(httpClient, VoyadoTouchpointChannel.About, connection.ApiKey, createRequest,
            body => VendorErrorText.MaskEchoes(body, personalValues), repeat, delivery,
            cancellationToken, connection.MaxRequestsPerSecond, connectionTest);

    private static HttpRequestMessage CreateRequest(HttpMethod method, Uri url, VoyadoConnection connection, string? json)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("apikey", connection.ApiKey);
        request.Headers.TryAddWithoutValidation("User-Agent", OrderTouchpointsDefaults.UserAgent);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        // Engage answers 500 to any call without Content-Type, GETs included. Content-Type is a content
        // header, so a GET carries an empty body just to have one.
        request.Content = VendorJson.Content(json ?? string.Empty);
        return request;
    }
}
