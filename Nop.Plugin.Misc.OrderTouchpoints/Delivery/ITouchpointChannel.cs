using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>The vendors an order can be delivered to; values are stored in the outbox, never renumber.</summary>
public enum TouchpointVendor
{
    Transactionale = 1,
    VoyadoEngage = 2,
    VtMarketing = 3
}

/// <summary>What happened to the order; values are stored in the outbox, never renumber.</summary>
public enum TouchpointEvent
{
    OrderPlaced = 1,
    OrderPaid = 2,
    ShipmentSent = 3,
    ShipmentDelivered = 4,
    OrderCancelled = 5,
    OrderRefunded = 6
}

/// <summary>
/// One delivery to make: the outbox row's key plus what the vendor needs to know about the attempt.
/// <see cref="EventSourceId"/> is the row's: the shipment of a shipment event; 0 where the event has no source of its own.
/// </summary>
public sealed record DeliveryRequest(
    int StoreId,
    int OrderId,
    TouchpointEvent Event,
    DateTime EventOccurredUtc,
    int Attempt = 1,
    long EventSourceId = 0);

/// <summary>What a vendor would receive for one delivery, built by the same code that sends it.</summary>
public sealed record PayloadPreview(IReadOnlyList<PreviewRequest> Requests, string? CannotSendReason = null);

/// <summary>One HTTP request of a preview; <see cref="Json"/> is the exact body, no key or auth header.</summary>
public sealed record PreviewRequest(string Method, string Url, string Json);

/// <summary>What a connection test found out; <see cref="Message"/> says exactly what was checked.</summary>
public sealed record ConnectionTestResult(bool Success, string Message);

/// <summary>
/// What holds for a vendor in every store, declared by its channel, so shared code never switches on the vendor
/// (<see cref="RegisteredVendors"/> for code without a channel at hand).
/// </summary>
/// <param name="Name">As the vendor writes it: a brand name, the same in every language.</param>
/// <param name="DeliveryRepeat">
/// What sending a whole delivery again does: that of its most consequential request, since after a node died mid-send
/// nobody knows which request was in flight (<see cref="UnknownOutcome"/>).
/// </param>
/// <param name="RepeatConsequence">For the reason of a delivery failed for an unknown outcome: what a second one would do.</param>
/// <param name="WhatToCheck">For the same reason: what the owner looks for at the vendor, given the order id and the event.</param>
public sealed record VendorFacts(
    TouchpointVendor Vendor,
    string Name,
    RepeatEffect DeliveryRepeat,
    string RepeatConsequence,
    Func<int, TouchpointEvent, string> WhatToCheck)
{
    /// <summary>Rows a removed vendor left behind: a repeat is taken to act twice, so nothing is sent twice on a guess.</summary>
    public static VendorFacts Unregistered(TouchpointVendor vendor) =>
        new(vendor, vendor.ToString(), RepeatEffect.ActsTwice, $"{vendor} may not drop a repeated request",
            (orderId, touchpointEvent) => $"order id {orderId} ({touchpointEvent}) arrived");
}

/// <summary>
/// A vendor as the dispatcher sees it (<c>Vendors/&lt;Vendor&gt;/</c>): settings of the request's store, the payload built from
/// the database at send time, one attempt per call (retries are the outbox's).
/// </summary>
public interface ITouchpointChannel
{
    VendorFacts Facts { get; }

    /// <summary>Whether the vendor is enabled and configured for the store and takes this event.</summary>
    Task<bool> IsActiveForAsync(int storeId, TouchpointEvent touchpointEvent);

    /// <summary>When the vendor was last switched on for the store; null when never.</summary>
    Task<DateTime?> GetEnabledOnUtcAsync(int storeId);

    /// <summary>One attempt; never throws for vendor or data problems, it classifies them.</summary>
    Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken);

    /// <summary>The exact request(s) <see cref="DeliverAsync"/> would send, without sending anything.</summary>
    Task<PayloadPreview> PreviewAsync(DeliveryRequest request, CancellationToken cancellationToken);

    /// <summary>Calls the vendor with the store's settings in a way that reaches no real customer (admin "Test connection").</summary>
    Task<ConnectionTestResult> TestConnectionAsync(int storeId, CancellationToken cancellationToken);
}
