using Nop.Plugin.Misc.OrderTouchpoints.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The durable outbox: one row per (store, order, vendor, event, event source). Its rules hold for every implementation
/// (<c>OutboxContractTests</c>): the key is unique, one claim at a time holds a row, and only that claim records its result.
/// </summary>
public interface IDeliveryOutbox
{
    /// <summary>Adds a pending row, due now, for each vendor without one for this key; returns how many were created.</summary>
    Task<int> EnqueueAsync(int storeId, int orderId, TouchpointEvent touchpointEvent, IReadOnlyCollection<TouchpointVendor> vendors,
        DateTime eventOccurredOnUtc, long eventSourceId = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="maxCount"/> rows in one conditional write: first rows whose send lease ran out (their
    /// outcome is unknown), then due pending rows, oldest due first. A row waits while an earlier row of its store, order and
    /// vendor is pending or being sent, because Engage must see "placed" before "paid".
    /// </summary>
    Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(int maxCount, TimeSpan lease, string node, CancellationToken cancellationToken = default);

    /// <summary>Extends the send lease of the rows still being sent under these claims; returns how many.</summary>
    Task<int> RenewLeasesAsync(IReadOnlyCollection<Guid> claimTokens, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Makes every delivery parked under <paramref name="vendorKey"/> due now; returns how many.</summary>
    Task<int> ReleasePausedAsync(string vendorKey, CancellationToken cancellationToken = default);

    /// <summary>Stores an attempt's result; false, with nothing changed, when its claim no longer holds the row.</summary>
    Task<bool> RecordAttemptAsync(AttemptResult result, CancellationToken cancellationToken = default);

    /// <summary>When the next row is due or the next send lease runs out; null when nothing waits.</summary>
    Task<DateTime?> GetNextDueOnUtcAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes, in batches, the finished rows that finished before <paramref name="finishedBeforeUtc"/>; returns how many.</summary>
    Task<int> PurgeFinishedAsync(DateTime finishedBeforeUtc, int batchSize, CancellationToken cancellationToken = default);

    /// <summary>Of <paramref name="orderIds"/>, those that already have a row for this store, vendor and event.</summary>
    Task<IReadOnlySet<int>> GetOrdersWithDeliveryAsync(int storeId, TouchpointVendor vendor, TouchpointEvent touchpointEvent,
        IReadOnlyCollection<int> orderIds, CancellationToken cancellationToken = default);

    /// <summary>Marks these orders' pending rows skipped with the reason (rows being sent keep their claim); returns how many.</summary>
    Task<int> SkipPendingAsync(IReadOnlyCollection<int> orderIds, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// GDPR erase of these orders' finished rows: failed and skipped rows become skipped with <paramref name="reason"/>, so no
    /// resend picks them up and what a vendor echoed is gone; delivered rows keep no reason. Returns how many changed.
    /// </summary>
    Task<int> EraseReasonsAsync(IReadOnlyCollection<int> orderIds, string reason, CancellationToken cancellationToken = default);

    /// <summary>The state the vendor was last shown for this order (or may have been, by a post whose answer was lost), or null.</summary>
    Task<LastDeliveredState?> GetLastDeliveredStateAsync(int storeId, int orderId, TouchpointVendor vendor, CancellationToken cancellationToken = default);
}

/// <summary>
/// A row a claim moved to being sent. <see cref="OutcomeUnknown"/>: its previous node stopped mid-send, so whether that
/// attempt reached the vendor is not known (<see cref="Vendors.Shared.UnknownOutcome"/>).
/// </summary>
public sealed record ClaimedDelivery(OrderTouchpointDelivery Row, bool OutcomeUnknown = false);

/// <summary>
/// The state a vendor was last shown for an order, and by which event's post. <see cref="AnswerLost"/>: that post's answer
/// was lost, so the vendor may or may not have it.
/// </summary>
public sealed record LastDeliveredState(string State, TouchpointEvent Event, bool AnswerLost = false);
