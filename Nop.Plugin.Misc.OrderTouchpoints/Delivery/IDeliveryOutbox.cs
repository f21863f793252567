using Nop.Core;
using Nop.Plugin.Misc.OrderTouchpoints.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The durable outbox: one row per (store, order, vendor, event, event source). Every implementation enforces the same
/// rules — the key is unique, a row is claimed by one dispatcher at a time (with a lease that expires if
/// its node dies), and a result is recorded only by the claim that sent it. Times come from the
/// implementation's <see cref="TimeProvider"/>.
/// </summary>
public partial interface IDeliveryOutbox
{
    /// <summary>
    /// Adds a pending row, due now, for each vendor that has none for this key yet; concurrent duplicates
    /// end as one row. Returns how many rows were created.
    /// </summary>
    Task<int> EnqueueAsync(int storeId, int orderId, TouchpointEvent touchpointEvent, IReadOnlyCollection<TouchpointVendor> vendors,
        DateTime eventOccurredOnUtc, long eventSourceId = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="maxCount"/> due rows for this node's send queue: claimed rows whose lease ran out
    /// first, then pending rows oldest due first. Each becomes <see cref="DeliveryStatus.Claimed"/> under one new
    /// claim token until now + lease, its pause key cleared; no attempt is counted, the first-attempt time is
    /// untouched. Returns the claimed rows as stored, in the order they were due. A row waits while an earlier row
    /// of the same store, order and vendor is still pending, claimed or in progress, so a vendor gets an order's
    /// events in the order they happened (Engage must see "placed" before "paid").
    /// </summary>
    Task<IReadOnlyList<OrderTouchpointDelivery>> ClaimDueAsync(int maxCount, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks claimed rows as being sent — the durable "send started" mark — in one write per claim token: each row
    /// still claimed under its token becomes in progress until now + lease, with its attempt counted and its
    /// first-attempt time set if unset. Returns the given rows now in progress under their claim, as stored: a row
    /// another node claimed after this claim's lease ran out, or that was skipped meanwhile, is not among them and must
    /// not be sent. (A row an earlier start of the same claim moved is returned again, its attempt not counted twice:
    /// the dispatcher starts each queued row once.)
    /// </summary>
    Task<IReadOnlyList<OrderTouchpointDelivery>> StartAsync(IReadOnlyCollection<OrderTouchpointDelivery> claimed, TimeSpan lease,
        CancellationToken cancellationToken = default);

    /// <summary>Puts claimed rows that were never started back to pending (a stopping node's queue); returns how many.</summary>
    Task<int> ReturnClaimedAsync(IReadOnlyCollection<OrderTouchpointDelivery> claimed, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="maxCount"/> in-progress rows whose lease ran out (the node holding them
    /// stopped without recording a result): each stays in progress under a new token and lease, its attempt counted.
    /// Whether their last attempt reached the vendor is unknown: the caller decides whether sending again is safe.
    /// </summary>
    Task<IReadOnlyList<OrderTouchpointDelivery>> ClaimAbandonedAsync(int maxCount, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims a delivery waiting for <paramref name="vendorKey"/> (pending, whatever its due time; the one with
    /// the fewest attempts, so failed probes do not use up one delivery's time) as the pause's probe, straight to in
    /// progress as <see cref="StartAsync"/> leaves a row; null when none waits.
    /// </summary>
    Task<OrderTouchpointDelivery?> ClaimPausedAsync(string vendorKey, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Makes every delivery parked under <paramref name="vendorKey"/> due now; returns how many.</summary>
    Task<int> ReleasePausedAsync(string vendorKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores an attempt's result (an uncounted one gives back the attempt counted at the claim); false
    /// (and nothing changed) when the claim is no longer held.
    /// </summary>
    Task<bool> RecordAttemptAsync(AttemptResult result, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores several results as <see cref="RecordAttemptAsync"/> would, one write per group of results with the same
    /// values (<see cref="OutboxRows.WriteGroups"/>); a result whose claim is no longer held changes nothing. Writing the
    /// same results again changes nothing more, so a failed batch may simply be retried. Returns how many were stored.
    /// </summary>
    Task<int> RecordAttemptsAsync(IReadOnlyCollection<AttemptResult> results, CancellationToken cancellationToken = default);

    /// <summary>When the next claimable row is due or the next lease (claimed or in progress) runs out; null when nothing is waiting.</summary>
    Task<DateTime?> GetNextDueOnUtcAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes finished rows (delivered, failed, skipped) that finished before <paramref name="finishedBeforeUtc"/>, in batches; returns how many.</summary>
    Task<int> PurgeFinishedAsync(DateTime finishedBeforeUtc, int batchSize, CancellationToken cancellationToken = default);

    /// <summary>Of <paramref name="orderIds"/>, those that already have a row for this store, vendor and event.</summary>
    Task<IReadOnlySet<int>> GetOrdersWithDeliveryAsync(int storeId, TouchpointVendor vendor, TouchpointEvent touchpointEvent,
        IReadOnlyCollection<int> orderIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the pending and claimed (never sent; not in-progress) rows of these orders skipped with the reason;
    /// returns how many. A skipped claimed row is not started.
    /// </summary>
    Task<int> SkipPendingAsync(IReadOnlyCollection<int> orderIds, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// GDPR erase of these orders' finished rows: failed and skipped rows become skipped with <paramref name="reason"/> (so no
    /// "resend failed" picks them up, and what a vendor echoed is gone), delivered rows keep no reason. Returns how many changed.
    /// </summary>
    Task<int> EraseReasonsAsync(IReadOnlyCollection<int> orderIds, string reason, CancellationToken cancellationToken = default);

    /// <summary>The state the vendor was last shown for this order (the latest delivered row with a state), or null.</summary>
    Task<LastDeliveredState?> GetLastDeliveredStateAsync(int storeId, int orderId, TouchpointVendor vendor, CancellationToken cancellationToken = default);

    /// <summary>Delivery id → order id of those of <paramref name="deliveryIds"/> that exist.</summary>
    Task<IReadOnlyDictionary<int, int>> GetOrderIdsAsync(IReadOnlyCollection<int> deliveryIds, CancellationToken cancellationToken = default);

    /// <summary>The admin log: newest first, filtered, one page.</summary>
    Task<IPagedList<OrderTouchpointDelivery>> SearchAsync(DeliverySearch search, int pageIndex, int pageSize,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts the given rows back to pending, due now, attempts and first-attempt time reset (claimed rows and rows in progress are left alone);
    /// the last attempt's time, status and reason stay visible until the next attempt. Returns how many.
    /// </summary>
    Task<int> ResendAsync(IReadOnlyCollection<int> deliveryIds, CancellationToken cancellationToken = default);

    /// <summary>Resends every row that failed at or after <paramref name="failedSinceUtc"/> (optionally of one store / vendor); returns how many.</summary>
    Task<int> ResendFailedSinceAsync(DateTime failedSinceUtc, int storeId = 0, TouchpointVendor? vendor = null,
        CancellationToken cancellationToken = default);

    /// <summary>Per vendor: waiting now, delivered and failed in the last 24 hours, last delivery time (store 0 = all stores).</summary>
    Task<IReadOnlyList<VendorHealth>> GetVendorHealthAsync(int storeId = 0, CancellationToken cancellationToken = default);
}
