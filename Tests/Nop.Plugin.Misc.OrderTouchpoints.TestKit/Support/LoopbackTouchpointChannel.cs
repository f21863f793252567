using System.Net.Http.Json;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>
/// A vendor channel for delivery tests: one small JSON POST per delivery through the real
/// <see cref="VendorRequestSender"/> (the vendor gate's lease, circuit breaker and attempt timeout, outcome classification)
/// to a <see cref="FakeVendorServer"/> on 127.0.0.1. By default it stands for a vendor whose repeated post acts
/// twice (Transactionale: a second mail), with that vendor's facts; <paramref name="enabledOnUtc"/> says when the vendor
/// was switched on (null: never, so nothing is reconciled).
/// </summary>
public sealed class LoopbackTouchpointChannel(
    Uri baseUri,
    HttpClient client,
    VendorRequestSender sender,
    IReadOnlySet<int>? unsendableOrders = null,
    TouchpointVendor vendor = TouchpointVendor.Transactionale,
    RepeatEffect repeat = RepeatEffect.ActsTwice,
    Func<DateTime?>? enabledOnUtc = null) : ITouchpointChannel
{
    public const string ApiKey = "loopback-test-key";
    public const string Path = "/deliveries";

    public VendorFacts Facts => TestVendors.Registered.Of(vendor);

    public Task<bool> IsActiveForAsync(int storeId, TouchpointEvent touchpointEvent) => Task.FromResult(true);

    public Task<DateTime?> GetEnabledOnUtcAsync(int storeId) => Task.FromResult(enabledOnUtc?.Invoke());

    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        // Stands in for a payload that cannot be built (no email…): answered before any HTTP.
        if (unsendableOrders?.Contains(request.OrderId) == true)
            return DeliveryOutcome.CannotSend("The order has no email address.");
        var response = await sender.SendAsync(client, Facts, ApiKey, () => CreateRequest(request), body => body, repeat, request, cancellationToken);
        return response.Outcome;
    }

    private HttpRequestMessage CreateRequest(DeliveryRequest request)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, Path))
        {
            Content = JsonContent.Create(new { storeId = request.StoreId, orderId = request.OrderId, @event = request.Event.ToString(), attempt = request.Attempt })
        };
        message.Headers.Add("X-Api-Key", ApiKey);
        return message;
    }

    public Task<PayloadPreview> PreviewAsync(DeliveryRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new PayloadPreview([]));

    /// <summary>As the real channels: an empty JSON object to the delivery endpoint, which names no order; any answer but a 5xx means the vendor is up.</summary>
    public async Task<ConnectionTestResult> TestConnectionAsync(int storeId, CancellationToken cancellationToken)
    {
        var response = await sender.SendAsync(client, Facts, ApiKey, () =>
        {
            var message = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, Path)) { Content = VendorJson.Content(VendorConnectionProbe.EmptyTestBody) };
            message.Headers.Add("X-Api-Key", ApiKey);
            return message;
        }, body => body, RepeatEffect.Harmless, null, cancellationToken, connectionTest: true);
        return new ConnectionTestResult(response.StatusCode is int status && status < 500, response.Outcome.Reason ?? "Loopback");
    }
}
