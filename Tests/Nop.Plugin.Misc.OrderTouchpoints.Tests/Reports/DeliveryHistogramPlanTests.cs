using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using static Nop.Plugin.Misc.OrderTouchpoints.Reports.DeliveryHistogram;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Reports;

/// <summary>Which parts of the health view's buckets are read from the hourly counts and which are counted live.</summary>
public class DeliveryHistogramPlanTests
{
    private static readonly DateTime Midnight = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static HashSet<DateTime> HoursCounted(DateTime fromUtc, DateTime toUtc)
    {
        var hours = new HashSet<DateTime>();
        for (var hour = fromUtc; hour < toUtc; hour += Hour)
            hours.Add(hour);
        return hours;
    }

    /// <summary>Counted and live ranges together cover the window once, and a counted range never crosses a bucket edge.</summary>
    private static void AssertCoversTheWindowOnce(IReadOnlyList<DateTime> boundaries, CountPlan plan)
    {
        var ranges = plan.FromHourCounts.Concat(plan.Live).OrderBy(r => r.FromUtc).ToList();
        Assert.That(ranges[0].FromUtc, Is.EqualTo(boundaries[0]));
        Assert.That(ranges[^1].ToUtc, Is.EqualTo(boundaries[^1]));
        for (var r = 1; r < ranges.Count; r++)
            Assert.That(ranges[r].FromUtc, Is.EqualTo(ranges[r - 1].ToUtc), "no gap and no overlap");
        foreach (var counted in plan.FromHourCounts)
        {
            Assert.That(boundaries.Where(b => b > counted.FromUtc && b < counted.ToUtc).All(b => b == HourOf(b)), Is.True,
                $"{counted}: crosses only whole-hour edges, so each counted hour lies in one bucket");
        }
    }

    [Test]
    public void Hour_buckets_whose_hours_are_all_counted_are_read_from_the_counts_and_the_open_hour_live()
    {
        var boundaries = Boundaries(Midnight, Hour, 24);
        var plan = Plan(boundaries, HoursCounted(Midnight, Midnight.AddHours(23)));

        AssertCoversTheWindowOnce(boundaries, plan);
        Assert.That(plan.FromHourCounts, Is.EqualTo(new[] { new TimeRange(Midnight, Midnight.AddHours(23)) }));
        Assert.That(plan.Live, Is.EqualTo(new[] { new TimeRange(Midnight.AddHours(23), Midnight.AddHours(24)) }));
    }

    [Test]
    public void A_day_from_a_half_past_midnight_reads_its_whole_hours_from_the_counts_and_the_hour_its_edge_cuts_live()
    {
        // An admin at UTC+05:30: their days start at 18:30 UTC, so the hour 18:00 belongs half to one day, half to the next.
        var from = Midnight.AddMinutes(-330);
        var boundaries = Boundaries(from, TimeSpan.FromDays(1), 3);
        var plan = Plan(boundaries, HoursCounted(HourOf(from), boundaries[^1].AddHours(1)));

        AssertCoversTheWindowOnce(boundaries, plan);
        Assert.That(plan.FromHourCounts, Is.EqualTo(Enumerable.Range(0, 3).Select(day =>
            new TimeRange(boundaries[day].AddMinutes(30), boundaries[day].AddHours(23).AddMinutes(30)))));
        Assert.That(plan.Live, Is.EqualTo(new[]
        {
            new TimeRange(boundaries[0], boundaries[0].AddMinutes(30)),
            new TimeRange(boundaries[1].AddMinutes(-30), boundaries[1].AddMinutes(30)),
            new TimeRange(boundaries[2].AddMinutes(-30), boundaries[2].AddMinutes(30)),
            new TimeRange(boundaries[3].AddMinutes(-30), boundaries[3])
        }));
    }

    [Test]
    public void Hours_not_counted_yet_are_read_live_whatever_bucket_they_are_in()
    {
        var boundaries = Boundaries(Midnight, TimeSpan.FromDays(1), 2);
        var counted = HoursCounted(Midnight, Midnight.AddDays(2));
        counted.Remove(Midnight.AddHours(5));
        counted.Remove(Midnight.AddHours(6));

        var plan = Plan(boundaries, counted);

        AssertCoversTheWindowOnce(boundaries, plan);
        Assert.That(plan.Live, Is.EqualTo(new[] { new TimeRange(Midnight.AddHours(5), Midnight.AddHours(7)) }));
        Assert.That(plan.FromHourCounts, Is.EqualTo(new[]
        {
            new TimeRange(Midnight, Midnight.AddHours(5)), new TimeRange(Midnight.AddHours(7), Midnight.AddDays(2))
        }));
    }

    [Test]
    public void Without_counted_hours_the_whole_window_is_read_live()
    {
        var boundaries = Boundaries(Midnight.AddMinutes(-345), TimeSpan.FromDays(1), 30);

        var plan = Plan(boundaries, new HashSet<DateTime>());

        Assert.That(plan.FromHourCounts, Is.Empty);
        Assert.That(plan.Live, Is.EqualTo(new[] { new TimeRange(boundaries[0], boundaries[^1]) }));
    }

    [Test]
    public void An_hour_starts_at_its_whole_hour_and_the_next_whole_hour_from_a_whole_hour_is_itself()
    {
        var halfPast = Midnight.AddHours(3).AddMinutes(30);

        Assert.That(HourOf(halfPast), Is.EqualTo(Midnight.AddHours(3)));
        Assert.That(NextHourFrom(halfPast), Is.EqualTo(Midnight.AddHours(4)));
        Assert.That(NextHourFrom(Midnight.AddHours(3)), Is.EqualTo(Midnight.AddHours(3)));
        Assert.That(HourOf(halfPast).Kind, Is.EqualTo(DateTimeKind.Utc));
    }
}
