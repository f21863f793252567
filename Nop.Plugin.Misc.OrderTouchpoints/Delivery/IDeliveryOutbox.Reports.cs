namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The outbox's reports for the health view and the alerts, and the upkeep of the hourly counts the view reads.
/// Kept apart from the claim and result code: they read only the columns whose meaning does not depend on how
/// rows are claimed (status, creation, last attempt and delivery times, reason).
/// </summary>
public partial interface IDeliveryOutbox
{
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
    /// is counted next time). Returns the hours counted; an outbox that always counts live returns 0.
    /// </summary>
    Task<int> CountFinishedHoursAsync(DateTime keepFromUtc, DateTime closedBeforeUtc, CancellationToken cancellationToken = default);
}
