namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The health and alert reports over the in-memory rows: the database outbox's counts, counted in memory, always live
/// (it keeps no hourly counts; a bar is then what the rows of that hour are now).
/// </summary>
public sealed partial class InMemoryDeliveryOutbox
{
    public Task<IReadOnlyList<DeliveryHistory>> GetDeliveryHistoryAsync(int storeId, DateTime fromUtc, TimeSpan bucket, int bucketCount,
        CancellationToken cancellationToken = default)
    {
        var boundaries = DeliveryHistogram.Boundaries(fromUtc, bucket, bucketCount);
        lock (_gate)
        {
            var rows = _rows.Values.Where(r => storeId <= 0 || r.StoreId == storeId).ToList();
            var finished = rows
                .Where(r => r.Status is DeliveryStatus.Delivered or DeliveryStatus.Failed && r.FinishedOnUtc >= fromUtc && r.FinishedOnUtc < boundaries[^1])
                .GroupBy(r => (r.VendorId, r.Status, Bucket: DeliveryHistogram.ClampedBucketOf(r.FinishedOnUtc!.Value, boundaries)))
                .Select(g => new DeliveryHistogram.BucketCount(g.Key.VendorId, g.Key.Status, g.Key.Bucket, g.Count()));
            var waitingRows = rows.Where(r => r.Status < DeliveryStatus.Delivered).ToList();
            var waiting = waitingRows
                .GroupBy(r => (r.VendorId, Bucket: DeliveryHistogram.ClampedBucketOf(r.CreatedOnUtc, boundaries)))
                .Select(g => new DeliveryHistogram.BucketCount(g.Key.VendorId, DeliveryStatus.Pending, g.Key.Bucket, g.Count()));
            var oldestWaiting = waitingRows.GroupBy(r => r.VendorId).ToDictionary(g => g.Key, g => g.Min(r => r.CreatedOnUtc));
            var lastDelivered = rows.Where(r => r is { Status: DeliveryStatus.Delivered, FinishedOnUtc: not null })
                .GroupBy(r => r.VendorId)
                .ToDictionary(g => g.Key, g => g.Max(r => r.FinishedOnUtc!.Value));
            return Task.FromResult(DeliveryHistogram.Build(bucketCount, finished.Concat(waiting).ToList(), oldestWaiting, lastDelivered));
        }
    }

    public Task<IReadOnlyList<DeliveryTrouble>> GetDeliveryTroubleAsync(DateTime failedSinceUtc, DateTime waitingCreatedBeforeUtc,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var failures = _rows.Values
                .Where(r => r.Status == DeliveryStatus.Failed && r.FinishedOnUtc > failedSinceUtc)
                .GroupBy(r => (r.StoreId, r.VendorId))
                .Select(g => new DeliveryTroubleReport.Failures(g.Key.StoreId, g.Key.VendorId, g.Count(),
                    g.OrderBy(r => r.FinishedOnUtc).ThenBy(r => r.Id).First().LastReason))
                .ToList();
            var overdue = _rows.Values
                .Where(r => r.Status < DeliveryStatus.Delivered && r.CreatedOnUtc < waitingCreatedBeforeUtc)
                .GroupBy(r => (r.StoreId, r.VendorId))
                .Select(g => new DeliveryTroubleReport.Overdue(g.Key.StoreId, g.Key.VendorId, g.Count(), g.Min(r => r.CreatedOnUtc)))
                .ToList();
            return Task.FromResult(DeliveryTroubleReport.Combine(failures, overdue));
        }
    }

    public Task<int> CountFinishedHoursAsync(DateTime keepFromUtc, DateTime closedBeforeUtc, CancellationToken cancellationToken = default) =>
        Task.FromResult(0);
}
