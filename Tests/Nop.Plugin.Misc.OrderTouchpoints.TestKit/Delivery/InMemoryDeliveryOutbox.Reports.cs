namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>The health and alert reports over the in-memory rows, counted by the plugin's own shared code.</summary>
public sealed partial class InMemoryDeliveryOutbox
{
    public Task<IReadOnlyList<DeliveryHistory>> GetDeliveryHistoryAsync(int storeId, DateTime fromUtc, TimeSpan bucket, int bucketCount,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var rows = _rows.Values.Where(r => storeId <= 0 || r.StoreId == storeId).ToList();
            var points = rows.Select(r => r.Status switch
                {
                    DeliveryStatus.Delivered when r.DeliveredOnUtc >= fromUtc => new DeliveryHistogram.Point(r.VendorId, r.Status, r.DeliveredOnUtc.Value),
                    DeliveryStatus.Failed when r.LastAttemptOnUtc >= fromUtc => new DeliveryHistogram.Point(r.VendorId, r.Status, r.LastAttemptOnUtc.Value),
                    DeliveryStatus.Pending or DeliveryStatus.InProgress => new DeliveryHistogram.Point(r.VendorId, r.Status, r.CreatedOnUtc),
                    _ => (DeliveryHistogram.Point?)null
                })
                .OfType<DeliveryHistogram.Point>()
                .ToList();
            var lastDelivered = rows.Where(r => r is { Status: DeliveryStatus.Delivered, DeliveredOnUtc: not null })
                .GroupBy(r => r.VendorId)
                .ToDictionary(g => g.Key, g => g.Max(r => r.DeliveredOnUtc!.Value));
            return Task.FromResult(DeliveryHistogram.Build(fromUtc, bucket, bucketCount, points, lastDelivered));
        }
    }

    public Task<IReadOnlyList<DeliveryTrouble>> GetDeliveryTroubleAsync(DateTime failedSinceUtc, DateTime waitingCreatedBeforeUtc,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var failures = _rows.Values
                .Where(r => r.Status == DeliveryStatus.Failed && r.LastAttemptOnUtc > failedSinceUtc)
                .Select(r => new DeliveryTroubleReport.Failure(r.StoreId, r.VendorId, r.Id, r.LastAttemptOnUtc!.Value, r.LastReason))
                .ToList();
            var overdue = _rows.Values
                .Where(r => r.Status is DeliveryStatus.Pending or DeliveryStatus.InProgress && r.CreatedOnUtc < waitingCreatedBeforeUtc)
                .GroupBy(r => (r.StoreId, r.VendorId))
                .Select(g => new DeliveryTroubleReport.Overdue(g.Key.StoreId, g.Key.VendorId, g.Count(), g.Min(r => r.CreatedOnUtc)))
                .ToList();
            return Task.FromResult(DeliveryTroubleReport.Combine(failures, overdue));
        }
    }
}
