using Nop.Core;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Data;

/// <summary>
/// One delivery of one order event (one shipment, one refund) to one vendor (the outbox row). Holds ids and delivery state only:
/// payloads are built from the database at send time, so no personal data is stored here.
/// Enum properties are wrappers: nopCommerce maps only the <c>…Id</c> ints to columns, so queries use those.
/// </summary>
public class OrderTouchpointDelivery : BaseEntity
{
    public int StoreId { get; set; }

    public int OrderId { get; set; }

    public int VendorId { get; set; }

    public int EventId { get; set; }

    /// <summary>
    /// Which occurrence of the event this delivery is for: the shipment id for shipment events, the order's
    /// refunded total after the refund in minor units (cents) for refunds — nopCommerce raises one event per
    /// shipment and per refund; 0 for events an order has once. Part of the delivery key.
    /// </summary>
    public long EventSourceId { get; set; }

    public int StatusId { get; set; }

    /// <summary>
    /// Attempts that used up a step of the retry schedule. Counted when a claim moves the row to being sent (so a
    /// node dying mid-send still counts) and given back when the plugin held the attempt back or the vendor answered
    /// 429 with Retry-After.
    /// </summary>
    public int Attempts { get; set; }

    /// <summary>When the first attempt was claimed (reset by a resend): the delivery gives up the schedule's total after it.</summary>
    public DateTime? FirstAttemptOnUtc { get; set; }

    /// <summary>
    /// Pending retries only: the vendor key (<see cref="Vendors.Shared.VendorKey.Name"/>, a fingerprint, never the key)
    /// the row waits for; when the vendor answers that key again, every row with it is due at once.
    /// </summary>
    public string? VendorKey { get; set; }

    /// <summary>Pending rows only: when the next attempt is due. A finished row keeps the value it last had as pending.</summary>
    public DateTime NextAttemptOnUtc { get; set; }

    /// <summary>Set while the row is being sent; one claim's rows share it, and a result is recorded only under the same token.</summary>
    public Guid? ClaimToken { get; set; }

    /// <summary>
    /// Being sent only: when the send lease runs out. The sending node renews it while the send runs; once it ran out
    /// the node is taken for dead and the next claim takes the row with its outcome unknown.
    /// </summary>
    public DateTime? ClaimExpiresOnUtc { get; set; }

    /// <summary>Delivered, failed, skipped: when it reached that status (purge, "failed since", health).</summary>
    public DateTime? FinishedOnUtc { get; set; }

    public int? LastHttpStatus { get; set; }

    /// <summary>Why the last attempt did not deliver: one line, at most 500 characters, emails masked by the channels.</summary>
    public string? LastReason { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    public DateTime? LastAttemptOnUtc { get; set; }

    public DateTime? DeliveredOnUtc { get; set; }

    public DateTime EventOccurredOnUtc { get; set; }

    /// <summary>The node (machine name and process id) whose claim last moved the row to being sent; shown in the delivery log.</summary>
    public string? SentByNode { get; set; }

    /// <summary>
    /// Delivered rows: the order's state as this post showed it to the vendor (Engage: <c>Confirmed/Paid</c>, a refund
    /// <c>Cancelled/Refunded@12.34</c>). A later post of the same order whose state equals the last delivered one is
    /// skipped, so a vendor never gets the same state twice. Cleared by a resend.
    /// </summary>
    public string? DeliveredState { get; set; }

    public TouchpointVendor Vendor
    {
        get => (TouchpointVendor)VendorId;
        set => VendorId = (int)value;
    }

    public TouchpointEvent Event
    {
        get => (TouchpointEvent)EventId;
        set => EventId = (int)value;
    }

    public DeliveryStatus Status
    {
        get => (DeliveryStatus)StatusId;
        set => StatusId = (int)value;
    }
}
