namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// Counts outbox rows into time buckets, the same way for every outbox implementation: each implementation
/// only reads the (vendor, status, time) points of the window.
/// </summary>
public static class DeliveryHistogram
{
    /// <summary>A row as the reports see it: delivered at, failed at (last attempt) or waiting since (creation).</summary>
    public readonly record struct Point(int VendorId, DeliveryStatus Status, DateTime AtUtc);

    public static IReadOnlyList<DeliveryHistory> Build(DateTime fromUtc, TimeSpan bucket, int bucketCount,
        IEnumerable<Point> points, IReadOnlyDictionary<int, DateTime> lastDeliveredOnUtc)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(bucket, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketCount, 1);
        var vendors = Enum.GetValues<TouchpointVendor>();
        var counts = vendors.ToDictionary(v => (int)v, _ => (Delivered: new int[bucketCount], Failed: new int[bucketCount], Waiting: new int[bucketCount]));
        var oldestWaiting = new Dictionary<int, DateTime>();
        foreach (var point in points)
        {
            if (!counts.TryGetValue(point.VendorId, out var vendor))
                continue;
            if (point.Status is DeliveryStatus.Pending or DeliveryStatus.InProgress)
            {
                vendor.Waiting[Math.Clamp(Index(point.AtUtc, fromUtc, bucket), 0, bucketCount - 1)]++;
                if (!oldestWaiting.TryGetValue(point.VendorId, out var oldest) || point.AtUtc < oldest)
                    oldestWaiting[point.VendorId] = point.AtUtc;
                continue;
            }
            var index = Index(point.AtUtc, fromUtc, bucket);
            if (index < 0 || index >= bucketCount)
                continue;
            if (point.Status == DeliveryStatus.Delivered)
                vendor.Delivered[index]++;
            else if (point.Status == DeliveryStatus.Failed)
                vendor.Failed[index]++;
        }
        return vendors.Select(v => new DeliveryHistory(v, counts[(int)v].Delivered, counts[(int)v].Failed, counts[(int)v].Waiting,
                oldestWaiting.TryGetValue((int)v, out var oldest) ? oldest : null,
                lastDeliveredOnUtc.TryGetValue((int)v, out var last) ? last : null))
            .ToList();
    }

    private static int Index(DateTime atUtc, DateTime fromUtc, TimeSpan bucket) =>
        atUtc < fromUtc ? -1 : (int)Math.Min(int.MaxValue, (atUtc - fromUtc).Ticks / bucket.Ticks);
}
