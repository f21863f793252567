using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Reports;

/// <summary>One vendor's deliveries per time bucket (index 0 = oldest), with its oldest waiting row and last delivery.</summary>
public sealed record DeliveryHistory(
    TouchpointVendor Vendor,
    IReadOnlyList<int> Delivered,
    IReadOnlyList<int> Failed,
    IReadOnlyList<int> Waiting,
    DateTime? OldestWaitingCreatedOnUtc,
    DateTime? LastDeliveredOnUtc);

/// <summary>
/// The health view's time buckets and how counts per bucket become one <see cref="DeliveryHistory"/> per
/// vendor, the same way for every reports implementation: each one only counts rows per vendor, status and bucket.
/// </summary>
public static class DeliveryHistogram
{
    /// <summary>
    /// How far back finished deliveries are kept counted per hour: the view's longest window (30 days from the admin's
    /// midnight) in any time zone. Older hours are never drawn, so counting them would be work for nothing.
    /// </summary>
    public static readonly TimeSpan CountedPeriod = TimeSpan.FromDays(32);

    /// <summary>
    /// How long after its end an hour is counted. A result is written with the time its attempt was decided, a moment
    /// before the write commits, and web-farm nodes' clocks differ by a little; a row that still landed in the hour
    /// after it was counted would be missing from its bar, so the count waits well past both.
    /// </summary>
    public static readonly TimeSpan HourSettleTime = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>Rows of one vendor and status in one bucket; waiting rows of every status count as <see cref="DeliveryStatus.Pending"/>.</summary>
    public readonly record struct BucketCount(int VendorId, DeliveryStatus Status, int Bucket, int Count);

    /// <summary>[<see cref="FromUtc"/>, <see cref="ToUtc"/>).</summary>
    public readonly record struct TimeRange(DateTime FromUtc, DateTime ToUtc);

    /// <summary>
    /// Which parts of a window come from the hourly counts (whole counted hours, each inside one bucket) and which are
    /// counted live from the outbox (everything else: the open hour, hours not counted yet, and an hour a bucket edge
    /// cuts, as a day from the admin's midnight does in a time zone with a :30 or :45 offset). Together they cover the
    /// window once.
    /// </summary>
    public sealed record CountPlan(IReadOnlyList<TimeRange> FromHourCounts, IReadOnlyList<TimeRange> Live);

    public static DateTime HourOf(DateTime atUtc) => new(atUtc.Ticks - atUtc.Ticks % Hour.Ticks, DateTimeKind.Utc);

    /// <summary>The first whole hour starting at or after <paramref name="atUtc"/>.</summary>
    public static DateTime NextHourFrom(DateTime atUtc) => atUtc.Ticks % Hour.Ticks == 0 ? HourOf(atUtc) : HourOf(atUtc) + Hour;

    public static CountPlan Plan(IReadOnlyList<DateTime> boundaries, IReadOnlySet<DateTime> countedHours)
    {
        var fromCounts = new List<TimeRange>();
        for (var i = 0; i + 1 < boundaries.Count; i++)
        {
            for (var hour = NextHourFrom(boundaries[i]); hour + Hour <= boundaries[i + 1]; hour += Hour)
            {
                if (countedHours.Contains(hour))
                    Append(fromCounts, new TimeRange(hour, hour + Hour));
            }
        }
        var live = new List<TimeRange>();
        var cursor = boundaries[0];
        foreach (var counted in fromCounts)
        {
            if (cursor < counted.FromUtc)
                live.Add(new TimeRange(cursor, counted.FromUtc));
            cursor = counted.ToUtc;
        }
        if (cursor < boundaries[^1])
            live.Add(new TimeRange(cursor, boundaries[^1]));
        return new CountPlan(fromCounts, live);
    }

    private static void Append(List<TimeRange> ranges, TimeRange range)
    {
        if (ranges.Count > 0 && ranges[^1].ToUtc == range.FromUtc)
            ranges[^1] = ranges[^1] with { ToUtc = range.ToUtc };
        else
            ranges.Add(range);
    }

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
