namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The health view's time buckets and how counts per bucket become one <see cref="DeliveryHistory"/> per
/// vendor, the same way for every outbox implementation: each one only counts rows per vendor, status and bucket.
/// </summary>
public static class DeliveryHistogram
{
    /// <summary>Rows of one vendor and status in one bucket; waiting rows of every status count as <see cref="DeliveryStatus.Pending"/>.</summary>
    public readonly record struct BucketCount(int VendorId, DeliveryStatus Status, int Bucket, int Count);

    /// <summary>The <paramref name="bucketCount"/> + 1 bucket edges from <paramref name="fromUtc"/> on: bucket i is [edge i, edge i+1).</summary>
    public static IReadOnlyList<DateTime> Boundaries(DateTime fromUtc, TimeSpan bucket, int bucketCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(bucket, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketCount, 1);
        return Enumerable.Range(0, bucketCount + 1).Select(i => fromUtc + i * bucket).ToList();
    }

    /// <summary>The bucket of a time, a time before the window in the first and one after it in the last (how waiting rows are drawn).</summary>
    public static int ClampedBucketOf(DateTime atUtc, IReadOnlyList<DateTime> boundaries)
    {
        for (var i = 1; i < boundaries.Count - 1; i++)
        {
            if (atUtc < boundaries[i])
                return i - 1;
        }
        return boundaries.Count - 2;
    }

    public static IReadOnlyList<DeliveryHistory> Build(int bucketCount, IEnumerable<BucketCount> counts,
        IReadOnlyDictionary<int, DateTime> oldestWaitingCreatedOnUtc, IReadOnlyDictionary<int, DateTime> lastDeliveredOnUtc)
    {
        var vendors = Enum.GetValues<TouchpointVendor>();
        var series = vendors.ToDictionary(v => (int)v, _ => (Delivered: new int[bucketCount], Failed: new int[bucketCount], Waiting: new int[bucketCount]));
        foreach (var count in counts)
        {
            if (!series.TryGetValue(count.VendorId, out var vendor) || count.Bucket < 0 || count.Bucket >= bucketCount)
                continue;
            var target = count.Status switch
            {
                DeliveryStatus.Delivered => vendor.Delivered,
                DeliveryStatus.Failed => vendor.Failed,
                DeliveryStatus.Pending => vendor.Waiting,
                _ => null
            };
            if (target is not null)
                target[count.Bucket] += count.Count;
        }
        return vendors.Select(v => new DeliveryHistory(v, series[(int)v].Delivered, series[(int)v].Failed, series[(int)v].Waiting,
                oldestWaitingCreatedOnUtc.TryGetValue((int)v, out var oldest) ? oldest : null,
                lastDeliveredOnUtc.TryGetValue((int)v, out var last) ? last : null))
            .ToList();
    }
}
