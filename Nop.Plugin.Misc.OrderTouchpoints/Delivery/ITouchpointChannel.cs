namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>One delivery to make: the outbox row's key plus what the vendor needs to know about the attempt.</summary>
public sealed record DeliveryRequest(
    int StoreId,
    int OrderId,
    TouchpointEvent Event,
    DateTime EventOccurredUtc,
    int Attempt = 1);

/// <summary>What a vendor would receive for one delivery, built by the same code that sends it.</summary>
public sealed record PayloadPreview(IReadOnlyList<PreviewRequest> Requests, string? CannotSendReason = null);

/// <summary>One HTTP request of a preview; <see cref="Json"/> is the exact body, no key or auth header.</summary>
public sealed record PreviewRequest(string Method, string Url, string Json);

/// <summary>What a connection test found out; <see cref="Message"/> says exactly what was checked.</summary>
public sealed record ConnectionTestResult(bool Success, string Message);

/// <summary>
/// A vendor as the delivery pipeline sees it. Implementations live in <c>Vendors/&lt;Vendor&gt;/</c>;
/// they load settings for <see cref="DeliveryRequest.StoreId"/>, build the payload from the database at
/// send time and make exactly one attempt (durable retries are the dispatcher's job).
/// </summary>
public interface ITouchpointChannel
{
    TouchpointVendor Vendor { get; }

    /// <summary>Whether the vendor is enabled and configured for the store and sends this event. Cheap: settings are cached by nopCommerce.</summary>
    Task<bool> IsActiveForAsync(int storeId, TouchpointEvent touchpointEvent);

    /// <summary>One attempt; never throws for vendor or data problems, it classifies them.</summary>
    Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken);

    /// <summary>The exact request(s) <see cref="DeliverAsync"/> would send, without sending anything.</summary>
    Task<PayloadPreview> PreviewAsync(DeliveryRequest request, CancellationToken cancellationToken);

    /// <summary>Calls the vendor with the store's settings in a way that reaches no real customer (admin "Test connection").</summary>
    Task<ConnectionTestResult> TestConnectionAsync(int storeId, CancellationToken cancellationToken);
}
