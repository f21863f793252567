using Nop.Core;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Reports;

/// <summary>
/// The admin's side of the outbox table, outside the delivery engine: the delivery log's search and resend, the configure
/// page's figures, the health view and the alerts' reports, and the upkeep of the hourly counts the view reads.
/// They read only the columns whose meaning does not depend on how rows are claimed (status, creation, last attempt and
/// delivery times, reason); a resend only puts finished rows back as pending, due now, for the engine to claim.
/// </summary>
public interface IDeliveryReports
{
    /// <summary>The admin log: newest first, filtered, one page.</summary>
    Task<IPagedList<OrderTouchpointDelivery>> SearchAsync(DeliverySearch search, int pageIndex, int pageSize,
        CancellationToken cancellationToken = default);

    /// <summary>Delivery id → order id of those of <paramref name="deliveryIds"/> that exist.</summary>
    Task<IReadOnlyDictionary<int, int>> GetOrderIdsAsync(IReadOnlyCollection<int> deliveryIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts the given rows back to pending, due now, attempts and first-attempt time reset (rows being sent are left alone, and
    /// delivered rows unless <paramref name="includeDelivered"/>: the vendor has them, so a resend is a second mail or event);
    /// the last attempt's time, status and reason stay visible until the next attempt. Returns how many.
    /// </summary>
    Task<int> ResendAsync(IReadOnlyCollection<int> deliveryIds, bool includeDelivered, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resends every row that failed at or after <paramref name="failedSinceUtc"/> (optionally of one store / vendor), except
    /// those sent without an answer (<see cref="Vendors.Shared.UnknownOutcome.IsReason"/>, or an Engage post that may have shown
    /// its state): the vendor may have them, so a person checks each one and resends it from the list. Returns how many.
    /// </summary>
    Task<int> ResendFailedSinceAsync(DateTime failedSinceUtc, int storeId = 0, TouchpointVendor? vendor = null,
        CancellationToken cancellationToken = default);

    /// <summary>Per vendor: waiting now, delivered and failed in the last 24 hours, last delivery time (store 0 = all stores).</summary>
    Task<IReadOnlyList<VendorHealth>> GetVendorHealthAsync(int storeId = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// Per vendor (every vendor, even without rows), for one store (0 = all stores): how many rows were
    /// delivered and failed in each of <paramref name="bucketCount"/> buckets of <paramref name="bucket"/>
    /// from <paramref name="fromUtc"/> on, how many still wait per bucket of creation (rows waiting since
    /// before the window count in the first bucket), the oldest waiting row's creation and the last delivery.
    /// </summary>
    Task<IReadOnlyList<DeliveryHistory>> GetDeliveryHistoryAsync(int storeId, DateTime fromUtc, TimeSpan bucket, int bucketCount,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Per store and vendor with trouble: rows that failed after <paramref name="failedSinceUtc"/>
    /// (count and the earliest one's reason) and rows still waiting that were created before
    /// <paramref name="waitingCreatedBeforeUtc"/> (count and oldest creation). Pairs without either are left out.
    /// </summary>
    Task<IReadOnlyList<DeliveryTrouble>> GetDeliveryTroubleAsync(DateTime failedSinceUtc, DateTime waitingCreatedBeforeUtc,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps the hourly counts of delivered and failed rows that <see cref="GetDeliveryHistoryAsync"/> reads for closed hours:
    /// drops the counts of hours that start before <paramref name="keepFromUtc"/>, then counts each hour from there that
    /// ended before <paramref name="closedBeforeUtc"/> and is not counted yet, oldest first, until cancelled (what is left
    /// is counted next time). Returns the hours counted; reports that always count live return 0.
    /// </summary>
    Task<int> CountFinishedHoursAsync(DateTime keepFromUtc, DateTime closedBeforeUtc, CancellationToken cancellationToken = default);
}

/// <summary>Filters of the admin delivery log; null (or store 0) means "any". Dates compare with the row's creation time.</summary>
public sealed record DeliverySearch(
    int StoreId = 0,
    TouchpointVendor? Vendor = null,
    DeliveryStatus? Status = null,
    TouchpointEvent? Event = null,
    int? OrderId = null,
    DateTime? CreatedFromUtc = null,
    DateTime? CreatedToUtc = null);

/// <summary>How a vendor's deliveries are doing: waiting now (pending or in progress), and the last 24 hours.</summary>
public sealed record VendorHealth(
    TouchpointVendor Vendor,
    int Waiting,
    int DeliveredLast24Hours,
    int FailedLast24Hours,
    DateTime? LastDeliveredOnUtc);
