namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The outbox's read-only reports for the health view and the alerts. Kept apart from the claim and
/// result code: they read only the columns whose meaning does not depend on how rows are claimed
/// (status, creation, last attempt and delivery times, reason).
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
}
