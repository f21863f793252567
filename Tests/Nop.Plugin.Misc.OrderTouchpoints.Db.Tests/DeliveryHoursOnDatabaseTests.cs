using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Db.Tests;

/// <summary>
/// The health view's hourly counts on real PostgreSQL and MariaDB: the view read from counted hours plus the live tail
/// shows what a live count of the same rows shows (hour and day buckets, stores, vendors, delivered and failed, days
/// from a :30 midnight), two nodes counting at once count each hour once, and the counts follow the retention cut.
/// </summary>
[TestFixture(DatabaseKind.PostgreSQL)]
[TestFixture(DatabaseKind.MariaDB)]
public class DeliveryHoursOnDatabaseTests(DatabaseKind kind) : DatabaseTests(kind)
{
    // 12:40 UTC: the current hour (12:00) is open, 11:00 closed but not settled, 10:00 and earlier countable.
    private static readonly DateTime Now = new(2026, 11, 20, 12, 40, 0, DateTimeKind.Utc);
    private static readonly DateTime ClosedBefore = Now - DeliveryHistogram.HourSettleTime;
    private static readonly DateTime KeepFrom = Now.AddDays(-31);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private DataConnection _connection = null!;
    private DbDeliveryOutbox _outbox = null!;
    private DbDeliveryReports _reports = null!;
    private int _orderId;

    [SetUp]
    public async Task EmptyTables()
    {
        _connection = Database.Connect();
        await _connection.ExecuteAsync($"DELETE FROM {Database.Quote(OutboxTableMigration.TableName)}");
        await _connection.ExecuteAsync($"DELETE FROM {Database.Quote(DeliveryHoursMigration.TableName)}");
        var time = new ManualTimeProvider(new DateTimeOffset(Now));
        _outbox = OutboxDatabase.Outbox(_connection, time);
        _reports = OutboxDatabase.Reports(_connection, time);
    }

    [TearDown]
    public async Task CloseConnection() => await _connection.DisposeAsync();

    /// <summary>
    /// Deliveries of two stores and three vendors, delivered, failed, skipped and waiting, finished over the last 40 days
    /// at times that are not whole hours (and some exactly on an hour and a half hour), the newest in the open hour.
    /// </summary>
    private async Task AddMonthOfDeliveriesAsync()
    {
        var vendors = Enum.GetValues<TouchpointVendor>();
        var rows = new List<OrderTouchpointDelivery>();
        for (var i = 0; i < 1500; i++)
        {
            var finished = i switch
            {
                0 => Now.AddDays(-3).Date, // exactly on a UTC midnight
                1 => Now.AddDays(-3).Date.AddMinutes(-30), // exactly on the +05:30 admin's midnight
                _ => Now.AddMinutes(-5 - i * 38.3) // every ~38 minutes back to day -40
            };
            var status = (i % 10) switch
            {
                0 or 1 => DeliveryStatus.Failed,
                2 => DeliveryStatus.Skipped,
                3 when i % 7 == 0 => DeliveryStatus.Pending,
                _ => DeliveryStatus.Delivered
            };
            rows.Add(Row(1 + i % 2, vendors[i % vendors.Length], status, finished));
        }
        await _connection.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows }, rows);
    }

    private OrderTouchpointDelivery Row(int storeId, TouchpointVendor vendor, DeliveryStatus status, DateTime finishedOnUtc)
    {
        var waiting = status < DeliveryStatus.Delivered;
        return new OrderTouchpointDelivery
        {
            StoreId = storeId,
            OrderId = ++_orderId,
            Vendor = vendor,
            Event = TouchpointEvent.OrderPlaced,
            Status = status,
            Attempts = 1,
            NextAttemptOnUtc = finishedOnUtc,
            CreatedOnUtc = finishedOnUtc.AddSeconds(-3),
            EventOccurredOnUtc = finishedOnUtc.AddSeconds(-3),
            LastAttemptOnUtc = finishedOnUtc,
            FinishedOnUtc = waiting ? null : finishedOnUtc,
            DeliveredOnUtc = status == DeliveryStatus.Delivered ? finishedOnUtc : null,
            LastReason = status == DeliveryStatus.Failed ? "HTTP 400" : null
        };
    }

    /// <summary>The windows the health view asks for: 24 hours, 30 days from UTC midnight and from a +05:30 admin's midnight.</summary>
    private static IEnumerable<(string Name, DateTime FromUtc, TimeSpan Bucket, int Count)> Windows()
    {
        var currentHour = DeliveryHistogram.HourOf(Now);
        yield return ("24 hours", currentHour.AddHours(-23), Hour, 24);
        yield return ("30 days from UTC midnight", Now.Date.AddDays(-29), TimeSpan.FromDays(1), 30);
        yield return ("30 days from a +05:30 midnight", Now.Date.AddMinutes(-330).AddDays(-29), TimeSpan.FromDays(1), 30);
    }

    private async Task<Dictionary<string, IReadOnlyList<DeliveryHistory>>> ViewsAsync(DbDeliveryReports reports)
    {
        var views = new Dictionary<string, IReadOnlyList<DeliveryHistory>>();
        foreach (var (name, fromUtc, bucket, count) in Windows())
        {
            foreach (var storeId in new[] { 0, 1, 2 })
                views[$"{name}, store {storeId}"] = await reports.GetDeliveryHistoryAsync(storeId, fromUtc, bucket, count);
        }
        return views;
    }

    private async Task<(int Marks, int Deliveries)> HourTableAsync(DataConnection connection)
    {
        var hours = await connection.GetTable<OrderTouchpointDeliveryHour>().ToListAsync();
        return (hours.Count(h => h.StatusId == OrderTouchpointDeliveryHour.CountedMarkStatusId), hours.Sum(h => h.Deliveries));
    }

    private async Task<int> LiveFinishedCountAsync(DateTime fromUtc, DateTime toUtc) =>
        (await _connection.GetTable<OrderTouchpointDelivery>()
            .Where(d => (d.StatusId == (int)DeliveryStatus.Delivered || d.StatusId == (int)DeliveryStatus.Failed) && d.FinishedOnUtc >= fromUtc && d.FinishedOnUtc < toUtc)
            .Select(d => d.Id).ToListAsync()).Count;

    private static void AssertSameViews(Dictionary<string, IReadOnlyList<DeliveryHistory>> actual, Dictionary<string, IReadOnlyList<DeliveryHistory>> expected)
    {
        Assert.That(actual.Keys, Is.EquivalentTo(expected.Keys));
        foreach (var (view, histories) in expected)
        {
            foreach (var history in histories)
            {
                var read = actual[view].Single(h => h.Vendor == history.Vendor);
                Assert.That(read.Delivered, Is.EqualTo(history.Delivered), $"{view}, {history.Vendor}: delivered");
                Assert.That(read.Failed, Is.EqualTo(history.Failed), $"{view}, {history.Vendor}: failed");
                Assert.That(read.Waiting, Is.EqualTo(history.Waiting), $"{view}, {history.Vendor}: waiting");
                Assert.That((read.OldestWaitingCreatedOnUtc, read.LastDeliveredOnUtc), Is.EqualTo((history.OldestWaitingCreatedOnUtc, history.LastDeliveredOnUtc)),
                    $"{view}, {history.Vendor}");
            }
        }
    }

    [Test]
    public async Task The_view_from_counted_hours_and_the_live_tail_shows_what_a_live_count_of_the_same_rows_shows()
    {
        await AddMonthOfDeliveriesAsync();
        var live = await ViewsAsync(_reports);
        Assert.That(live.Values.SelectMany(v => v).Sum(h => h.Delivered.Sum() + h.Failed.Sum()), Is.GreaterThan(1000), "the views have rows to count");
        Assert.That(live["30 days from a +05:30 midnight, store 0"].Sum(h => h.Failed.Sum()), Is.GreaterThan(0));

        var counted = await _reports.CountFinishedHoursAsync(KeepFrom, ClosedBefore);

        var firstHour = DeliveryHistogram.NextHourFrom(KeepFrom);
        var endHour = DeliveryHistogram.HourOf(ClosedBefore);
        Assert.That(counted, Is.EqualTo((int)(endHour - firstHour).TotalHours), "every closed, settled hour within the kept period");
        Assert.That(await HourTableAsync(_connection), Is.EqualTo((counted, await LiveFinishedCountAsync(firstHour, endHour))));
        AssertSameViews(await ViewsAsync(_reports), live);
    }

    [Test]
    public async Task Hours_counted_in_several_sweeps_and_hours_not_counted_yet_still_add_up_to_the_live_count()
    {
        await AddMonthOfDeliveriesAsync();
        var live = await ViewsAsync(_reports);

        // A sweep that stopped after ten days, then one that counted a later stretch only: gaps are read live.
        await _reports.CountFinishedHoursAsync(KeepFrom, Now.AddDays(-20));
        await _reports.CountFinishedHoursAsync(Now.AddDays(-12), Now.AddDays(-5).AddMinutes(17));
        AssertSameViews(await ViewsAsync(_reports), live);

        await _reports.CountFinishedHoursAsync(KeepFrom, ClosedBefore);
        AssertSameViews(await ViewsAsync(_reports), live);
    }

    [Test]
    public async Task Only_hours_that_ended_before_the_settle_time_are_counted_and_a_repeated_count_adds_nothing()
    {
        await AddMonthOfDeliveriesAsync();

        var first = await _reports.CountFinishedHoursAsync(KeepFrom, ClosedBefore);
        var before = await HourTableAsync(_connection);
        var again = await _reports.CountFinishedHoursAsync(KeepFrom, ClosedBefore);

        Assert.That(first, Is.GreaterThan(0));
        Assert.That(again, Is.Zero);
        Assert.That(await HourTableAsync(_connection), Is.EqualTo(before));
        var newest = (await _connection.GetTable<OrderTouchpointDeliveryHour>().Select(h => h.HourUtc).ToListAsync()).Max();
        Assert.That(newest + Hour, Is.LessThanOrEqualTo(ClosedBefore), "the open hour and the one still settling are not counted");
    }

    [Test]
    public async Task Two_nodes_counting_at_once_count_each_hour_once()
    {
        await AddMonthOfDeliveriesAsync();
        var live = await ViewsAsync(_reports);
        var firstHour = DeliveryHistogram.NextHourFrom(KeepFrom);
        var endHour = DeliveryHistogram.HourOf(ClosedBefore);
        var expected = ((int)(endHour - firstHour).TotalHours, await LiveFinishedCountAsync(firstHour, endHour));

        for (var round = 0; round < 3; round++)
        {
            await _connection.ExecuteAsync($"DELETE FROM {Database.Quote(DeliveryHoursMigration.TableName)}");
            await using var node1 = Database.Connect();
            await using var node2 = Database.Connect();
            var time = new ManualTimeProvider(new DateTimeOffset(Now));
            var reports1 = OutboxDatabase.Reports(node1, time);
            var reports2 = OutboxDatabase.Reports(node2, time);

            var counted = await Task.WhenAll(
                Task.Run(() => reports1.CountFinishedHoursAsync(KeepFrom, ClosedBefore)),
                Task.Run(() => reports2.CountFinishedHoursAsync(KeepFrom, ClosedBefore)));

            Assert.That(counted.Max(), Is.GreaterThan(0), $"round {round}");
            Assert.That(await HourTableAsync(_connection), Is.EqualTo(expected), $"round {round}: each hour and each delivery once");
            AssertSameViews(await ViewsAsync(_reports), live);
        }
    }

    [Test]
    public async Task A_bar_of_a_counted_hour_keeps_a_failure_as_it_finished_then_when_the_row_is_resent()
    {
        var failedAt = Now.AddHours(-5).AddMinutes(-20);
        await _connection.InsertAsync(Row(1, TouchpointVendor.VoyadoEngage, DeliveryStatus.Failed, failedAt));
        await _reports.CountFinishedHoursAsync(KeepFrom, ClosedBefore);

        var resent = await _reports.ResendFailedSinceAsync(failedAt.AddMinutes(-1));
        var fromUtc = DeliveryHistogram.HourOf(Now).AddHours(-23);
        var engage = (await _reports.GetDeliveryHistoryAsync(0, fromUtc, Hour, 24)).Single(h => h.Vendor == TouchpointVendor.VoyadoEngage);

        Assert.That(resent, Is.EqualTo(1));
        Assert.That(engage.Failed[(int)(DeliveryHistogram.HourOf(failedAt) - fromUtc).TotalHours], Is.EqualTo(1), "the failure stays in the hour it finished in");
        Assert.That(engage.Failed.Sum(), Is.EqualTo(1));
        Assert.That(engage.Waiting.Sum(), Is.EqualTo(1), "and the resent row waits again");
    }

    [Test]
    public async Task Counts_of_hours_before_the_retention_cut_are_dropped_and_the_hour_the_cut_runs_through_is_read_live()
    {
        await AddMonthOfDeliveriesAsync();
        await _reports.CountFinishedHoursAsync(KeepFrom, ClosedBefore);

        var cut = Now.AddDays(-7).AddMinutes(-25); // 12:15 UTC, seven days back
        await _outbox.PurgeFinishedAsync(cut, 1000);
        await _reports.CountFinishedHoursAsync(cut, ClosedBefore);

        var hours = await _connection.GetTable<OrderTouchpointDeliveryHour>().ToListAsync();
        Assert.That(hours.Min(h => h.HourUtc), Is.EqualTo(DeliveryHistogram.NextHourFrom(cut)));
        Assert.That(await HourTableAsync(_connection),
            Is.EqualTo(((int)(DeliveryHistogram.HourOf(ClosedBefore) - DeliveryHistogram.NextHourFrom(cut)).TotalHours,
                await LiveFinishedCountAsync(DeliveryHistogram.NextHourFrom(cut), DeliveryHistogram.HourOf(ClosedBefore)))));
        var fromCounts = await ViewsAsync(_reports);
        await _connection.ExecuteAsync($"DELETE FROM {Database.Quote(DeliveryHoursMigration.TableName)}");
        AssertSameViews(fromCounts, await ViewsAsync(_reports));
    }

    [Test]
    public async Task A_cancelled_count_stops_and_the_next_sweep_counts_what_is_left()
    {
        await AddMonthOfDeliveriesAsync();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var none = await _reports.CountFinishedHoursAsync(KeepFrom, ClosedBefore, cancelled.Token);
        var all = await _reports.CountFinishedHoursAsync(KeepFrom, ClosedBefore);

        Assert.That(none, Is.Zero);
        Assert.That(all, Is.EqualTo((int)(DeliveryHistogram.HourOf(ClosedBefore) - DeliveryHistogram.NextHourFrom(KeepFrom)).TotalHours));
    }
}
