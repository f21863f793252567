using Nop.Plugin.Misc.OrderTouchpoints.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The durable outbox: one row per (store, order, vendor, event, event source). Every implementation enforces the same
/// rules — the key is unique, a row is claimed by one dispatcher at a time (with a send lease that its node renews
/// while the send runs and that runs out if the node dies), and a result is recorded only by the claim that sent it. Times come from the
/// implementation's <see cref="TimeProvider"/>.
/// </summary>
public interface IDeliveryOutbox
{
    /// <summary>
    /// Adds a pending row, due now, for each vendor that has none for this key yet; concurrent duplicates
    /// end as one row. Returns how many rows were created.
    /// </summary>
    Task<int> EnqueueAsync(int storeId, int orderId, TouchpointEvent touchpointEvent, IReadOnlyCollection<TouchpointVendor> vendors,
        DateTime eventOccurredOnUtc, long eventSourceId = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="maxCount"/> rows to send now, in one conditional write: rows being sent whose send
    /// lease ran out first (their node stopped without recording a result: <see cref="ClaimedDelivery.OutcomeUnknown"/>),
    /// then pending rows that are due, oldest due first. Each becomes <see cref="DeliveryStatus.InProgress"/> under one new
    /// claim token until now + lease, its attempt counted, its first-attempt time set if unset, its pause key cleared and
    /// <paramref name="node"/> recorded as its sender. A row waits while an earlier row of the same store, order and vendor
    /// is pending or being sent, so a vendor gets an order's events in the order they happened (Engage must see "placed"
    /// before "paid").
    /// </summary>
    Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(int maxCount, TimeSpan lease, string node, CancellationToken cancellationToken = default);

    /// <summary>
    /// Extends the send lease of every row still being sent under these claim tokens to now + lease (one write), so a
    /// short lease runs out only when the node holding it stopped. Returns how many rows were renewed.
    /// </summary>
    Task<int> RenewLeasesAsync(IReadOnlyCollection<Guid> claimTokens, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Makes every delivery parked under <paramref name="vendorKey"/> due now; returns how many.</summary>
    Task<int> ReleasePausedAsync(string vendorKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores an attempt's result (an uncounted one gives back the attempt counted at the claim); false
    /// (and nothing changed) when the claim is no longer held. Writing the same result again changes nothing.
    /// </summary>
    Task<bool> RecordAttemptAsync(AttemptResult result, CancellationToken cancellationToken = default);

    /// <summary>When the next claimable row is due or the next send lease runs out; null when nothing is waiting.</summary>
    Task<DateTime?> GetNextDueOnUtcAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes finished rows (delivered, failed, skipped) that finished before <paramref name="finishedBeforeUtc"/>, in batches; returns how many.</summary>
    Task<int> PurgeFinishedAsync(DateTime finishedBeforeUtc, int batchSize, CancellationToken cancellationToken = default);

    /// <summary>Of <paramref name="orderIds"/>, those that already have a row for this store, vendor and event.</summary>
    Task<IReadOnlySet<int>> GetOrdersWithDeliveryAsync(int storeId, TouchpointVendor vendor, TouchpointEvent touchpointEvent,
        IReadOnlyCollection<int> orderIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the pending (never sent; not in-progress) rows of these orders skipped with the reason; returns how many.
    /// </summary>
    Task<int> SkipPendingAsync(IReadOnlyCollection<int> orderIds, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// GDPR erase of these orders' finished rows: failed and skipped rows become skipped with <paramref name="reason"/> (so no
    /// "resend failed" picks them up, and what a vendor echoed is gone), delivered rows keep no reason. Returns how many changed.
    /// </summary>
    Task<int> EraseReasonsAsync(IReadOnlyCollection<int> orderIds, string reason, CancellationToken cancellationToken = default);

    /// <summary>The state the vendor was last shown for this order (the latest delivered row with a state), or null.</summary>
    Task<LastDeliveredState?> GetLastDeliveredStateAsync(int storeId, int orderId, TouchpointVendor vendor, CancellationToken cancellationToken = default);
}

/// <summary>
/// A row a claim moved to being sent. <see cref="OutcomeUnknown"/>: it was already being sent by a node that stopped
/// before recording a result, so whether that attempt reached the vendor is not known; what a repeat does at the vendor decides whether it may
/// simply be sent again (<see cref="Vendors.Shared.UnknownOutcome"/>).
/// </summary>
public sealed record ClaimedDelivery(OrderTouchpointDelivery Row, bool OutcomeUnknown = false);
