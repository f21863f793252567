using Nop.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The health and alert reports on the database (see <see cref="IDeliveryOutbox"/>). Counting happens in
/// memory over (vendor, status, time) points of the window: a portable projection every nopCommerce
/// provider translates the same way, where date truncation in SQL would differ per provider.
/// </summary>
public partial class DbDeliveryOutbox
{
    public async Task<IReadOnlyList<DeliveryHistory>> GetDeliveryHistoryAsync(int storeId, DateTime fromUtc, TimeSpan bucket, int bucketCount,
        CancellationToken cancellationToken = default)
    {
        var rows = storeId > 0 ? repository.Table.Where(d => d.StoreId == storeId) : repository.Table;
        var delivered = await rows.Where(d => d.StatusId == (int)DeliveryStatus.Delivered && d.DeliveredOnUtc >= fromUtc)
            .Select(d => new { d.VendorId, At = d.DeliveredOnUtc }).ToListAsync();
        var failed = await rows.Where(d => d.StatusId == (int)DeliveryStatus.Failed && d.LastAttemptOnUtc >= fromUtc)
            .Select(d => new { d.VendorId, At = d.LastAttemptOnUtc }).ToListAsync();
        var waiting = await rows.Where(d => d.StatusId == (int)DeliveryStatus.Pending || d.StatusId == (int)DeliveryStatus.InProgress)
            .Select(d => new { d.VendorId, d.StatusId, d.CreatedOnUtc }).ToListAsync();
        var lastDelivered = await rows.Where(d => d.StatusId == (int)DeliveryStatus.Delivered && d.DeliveredOnUtc != null)
            .GroupBy(d => d.VendorId)
            .Select(g => new { VendorId = g.Key, Last = g.Max(d => d.DeliveredOnUtc) })
            .ToListAsync();

        var points = delivered.Select(d => new DeliveryHistogram.Point(d.VendorId, DeliveryStatus.Delivered, d.At!.Value))
            .Concat(failed.Select(d => new DeliveryHistogram.Point(d.VendorId, DeliveryStatus.Failed, d.At!.Value)))
            .Concat(waiting.Select(d => new DeliveryHistogram.Point(d.VendorId, (DeliveryStatus)d.StatusId, d.CreatedOnUtc)));
        return DeliveryHistogram.Build(fromUtc, bucket, bucketCount, points,
            lastDelivered.Where(l => l.Last is not null).ToDictionary(l => l.VendorId, l => l.Last!.Value));
    }

    public async Task<IReadOnlyList<DeliveryTrouble>> GetDeliveryTroubleAsync(DateTime failedSinceUtc, DateTime waitingCreatedBeforeUtc,
        CancellationToken cancellationToken = default)
    {
        var failed = await repository.Table
            .Where(d => d.StatusId == (int)DeliveryStatus.Failed && d.LastAttemptOnUtc > failedSinceUtc)
            .Select(d => new { d.StoreId, d.VendorId, d.Id, d.LastAttemptOnUtc, d.LastReason })
            .ToListAsync();
        var overdue = await repository.Table
            .Where(d => (d.StatusId == (int)DeliveryStatus.Pending || d.StatusId == (int)DeliveryStatus.InProgress) && d.CreatedOnUtc < waitingCreatedBeforeUtc)
            .GroupBy(d => new { d.StoreId, d.VendorId })
            .Select(g => new { g.Key.StoreId, g.Key.VendorId, Count = g.Count(), Oldest = g.Min(d => d.CreatedOnUtc) })
            .ToListAsync();

        return DeliveryTroubleReport.Combine(
            failed.Select(f => new DeliveryTroubleReport.Failure(f.StoreId, f.VendorId, f.Id, f.LastAttemptOnUtc!.Value, f.LastReason)),
            overdue.Select(o => new DeliveryTroubleReport.Overdue(o.StoreId, o.VendorId, o.Count, o.Oldest)));
    }
}
