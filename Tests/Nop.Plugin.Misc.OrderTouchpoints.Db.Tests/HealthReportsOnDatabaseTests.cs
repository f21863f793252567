using System.Text.RegularExpressions;
using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Db.Tests;

/// <summary>
/// The health view's and the alert check's reports as the database computes them (counts per vendor and
/// bucket, MIN, in SQL), on real PostgreSQL and MariaDB: rows are written as the engine leaves them, then read back.
/// </summary>
[TestFixture(DatabaseKind.PostgreSQL)]
[TestFixture(DatabaseKind.MariaDB)]
public class HealthReportsOnDatabaseTests(DatabaseKind kind) : DatabaseTests(kind)
{
    private static readonly DateTime Now = new(2026, 11, 20, 12, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime FromUtc = new(2026, 11, 19, 13, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private DataConnection _connection = null!;
    private DbDeliveryReports _reports = null!;
    private readonly List<string> _statements = [];
    private int _orderId;

    [SetUp]
    public async Task EmptyOutbox()
    {
        _statements.Clear();
        _connection = Database.ConnectTraced(_statements.Add);
        await _connection.ExecuteAsync($"DELETE FROM {Database.Quote(OutboxTableMigration.TableName)}");
        await _connection.ExecuteAsync($"DELETE FROM {Database.Quote(DeliveryHoursMigration.TableName)}");
        _statements.Clear();
        _reports = OutboxDatabase.Reports(_connection, new ManualTimeProvider(new DateTimeOffset(Now)));
    }

    [TearDown]
    public async Task CloseConnection() => await _connection.DisposeAsync();

    private async Task AddAsync(int storeId, TouchpointVendor vendor, DeliveryStatus status, DateTime createdOnUtc, DateTime? finishedOnUtc = null,
        string? reason = null)
    {
        await _connection.InsertAsync(new OrderTouchpointDelivery
        {
            StoreId = storeId,
            OrderId = ++_orderId,
            Vendor = vendor,
            Event = TouchpointEvent.OrderPlaced,
            Status = status,
            Attempts = finishedOnUtc is null ? 0 : 1,
            NextAttemptOnUtc = createdOnUtc,
            CreatedOnUtc = createdOnUtc,
            EventOccurredOnUtc = createdOnUtc,
            LastAttemptOnUtc = finishedOnUtc,
            FinishedOnUtc = finishedOnUtc,
            DeliveredOnUtc = status == DeliveryStatus.Delivered ? finishedOnUtc : null,
            LastReason = reason
        });
    }

    private Task<IReadOnlyList<DeliveryHistory>> HoursAsync(int storeId = 0) => _reports.GetDeliveryHistoryAsync(storeId, FromUtc, Hour, 24);

    private static int[] NonZero(IReadOnlyList<int> series) => series.Select((count, bucket) => count > 0 ? bucket : -1).Where(b => b >= 0).ToArray();

    [Test]
    public async Task Finished_rows_are_counted_in_the_hour_they_finished_from_the_first_bucket_edge_up_to_the_last()
    {
        await AddAsync(1, TouchpointVendor.Transactionale, DeliveryStatus.Delivered, FromUtc.AddMinutes(-5), FromUtc); // exactly on the first edge
        await AddAsync(1, TouchpointVendor.Transactionale, DeliveryStatus.Delivered, FromUtc.AddHours(3), FromUtc.AddHours(3).AddMinutes(59).AddSeconds(59));
        await AddAsync(1, TouchpointVendor.Transactionale, DeliveryStatus.Delivered, FromUtc.AddHours(3), FromUtc.AddHours(4)); // next hour's edge
        await AddAsync(1, TouchpointVendor.Transactionale, DeliveryStatus.Delivered, FromUtc.AddHours(23), FromUtc.AddHours(23).AddMinutes(1));
        await AddAsync(1, TouchpointVendor.Transactionale, DeliveryStatus.Delivered, FromUtc.AddHours(-2), FromUtc.AddTicks(-10)); // before the window
        await AddAsync(1, TouchpointVendor.Transactionale, DeliveryStatus.Delivered, FromUtc.AddHours(24), FromUtc.AddHours(24)); // after it
        await AddAsync(1, TouchpointVendor.Transactionale, DeliveryStatus.Failed, FromUtc.AddHours(5), FromUtc.AddHours(5).AddMinutes(30), "HTTP 400");
        await AddAsync(1, TouchpointVendor.Transactionale, DeliveryStatus.Skipped, FromUtc.AddHours(5), FromUtc.AddHours(5).AddMinutes(30));

        var transactionale = (await HoursAsync()).Single(h => h.Vendor == TouchpointVendor.Transactionale);

        Assert.That(transactionale.Delivered, Has.Count.EqualTo(24));
        Assert.That(NonZero(transactionale.Delivered), Is.EqualTo(new[] { 0, 3, 4, 23 }));
        Assert.That(transactionale.Delivered.Sum(), Is.EqualTo(4));
        Assert.That(NonZero(transactionale.Failed), Is.EqualTo(new[] { 5 }));
        Assert.That(transactionale.Waiting.Sum(), Is.Zero, "skipped rows are neither delivered, failed nor waiting");
        Assert.That(transactionale.LastDeliveredOnUtc, Is.EqualTo(FromUtc.AddHours(24)), "the last delivery, wherever it falls");
    }

    [Test]
    public async Task Waiting_rows_of_every_unfinished_status_are_counted_by_creation_with_older_ones_in_the_first_bucket()
    {
        await AddAsync(1, TouchpointVendor.VtMarketing, DeliveryStatus.Pending, FromUtc.AddDays(-3));
        await AddAsync(1, TouchpointVendor.VtMarketing, DeliveryStatus.InProgress, FromUtc.AddHours(22).AddMinutes(10));
        await AddAsync(2, TouchpointVendor.VtMarketing, DeliveryStatus.InProgress, FromUtc.AddHours(23).AddMinutes(20));
        await AddAsync(2, TouchpointVendor.VtMarketing, DeliveryStatus.Pending, Now.AddHours(2)); // a node's clock ahead: still drawn, in the last hour
        await AddAsync(1, TouchpointVendor.VoyadoEngage, DeliveryStatus.Delivered, FromUtc.AddHours(1), FromUtc.AddHours(1));

        var history = (await HoursAsync()).ToDictionary(h => h.Vendor);

        var vtMarketing = history[TouchpointVendor.VtMarketing];
        Assert.That(vtMarketing.Waiting[0], Is.EqualTo(1));
        Assert.That(vtMarketing.Waiting[22], Is.EqualTo(1));
        Assert.That(vtMarketing.Waiting[23], Is.EqualTo(2));
        Assert.That(vtMarketing.OldestWaitingCreatedOnUtc, Is.EqualTo(FromUtc.AddDays(-3)));
        Assert.That(vtMarketing.LastDeliveredOnUtc, Is.Null);
        Assert.That(history[TouchpointVendor.VoyadoEngage].Waiting.Sum(), Is.Zero);
        Assert.That(history[TouchpointVendor.VoyadoEngage].OldestWaitingCreatedOnUtc, Is.Null);
        Assert.That(history[TouchpointVendor.Transactionale].Delivered.Sum() + history[TouchpointVendor.Transactionale].Waiting.Sum(), Is.Zero,
            "every vendor is reported, even without rows");
    }

    [Test]
    public async Task A_store_sees_only_its_own_rows_and_all_stores_see_every_row()
    {
        await AddAsync(1, TouchpointVendor.VoyadoEngage, DeliveryStatus.Delivered, FromUtc.AddHours(2), FromUtc.AddHours(2));
        await AddAsync(2, TouchpointVendor.VoyadoEngage, DeliveryStatus.Delivered, FromUtc.AddHours(2), FromUtc.AddHours(2).AddMinutes(1));
        await AddAsync(2, TouchpointVendor.VoyadoEngage, DeliveryStatus.Delivered, FromUtc.AddHours(6), FromUtc.AddHours(6));
        await AddAsync(2, TouchpointVendor.VoyadoEngage, DeliveryStatus.Pending, FromUtc.AddHours(7));

        var store1 = (await HoursAsync(1)).Single(h => h.Vendor == TouchpointVendor.VoyadoEngage);
        var all = (await HoursAsync(0)).Single(h => h.Vendor == TouchpointVendor.VoyadoEngage);

        Assert.That((store1.Delivered.Sum(), store1.Waiting.Sum(), store1.LastDeliveredOnUtc), Is.EqualTo((1, 0, (DateTime?)FromUtc.AddHours(2))));
        Assert.That((all.Delivered[2], all.Delivered[6], all.Waiting[7], all.LastDeliveredOnUtc), Is.EqualTo((2, 1, 1, (DateTime?)FromUtc.AddHours(6))));
    }

    [Test]
    public async Task Day_buckets_start_at_the_admins_midnight_not_at_utc_midnight()
    {
        // The admin is at UTC+2: their days start at 22:00 UTC.
        var fromUtc = new DateTime(2026, 10, 21, 22, 0, 0, DateTimeKind.Utc);
        await AddAsync(1, TouchpointVendor.Transactionale, DeliveryStatus.Delivered, fromUtc, fromUtc.AddHours(23).AddMinutes(59)); // 21:59 UTC: still day 0
        await AddAsync(1, TouchpointVendor.Transactionale, DeliveryStatus.Delivered, fromUtc, fromUtc.AddDays(1)); // 22:00 UTC: day 1
        await AddAsync(1, TouchpointVendor.Transactionale, DeliveryStatus.Failed, fromUtc, fromUtc.AddDays(29).AddHours(5), "HTTP 400");

        var transactionale = (await _reports.GetDeliveryHistoryAsync(0, fromUtc, TimeSpan.FromDays(1), 30)).Single(h => h.Vendor == TouchpointVendor.Transactionale);

        Assert.That(transactionale.Delivered.Take(2), Is.EqualTo(new[] { 1, 1 }));
        Assert.That(NonZero(transactionale.Failed), Is.EqualTo(new[] { 29 }));
    }

    [Test]
    public async Task The_alert_check_counts_recent_failures_per_store_and_vendor_with_the_earliest_reason_and_rows_waiting_too_long()
    {
        var failedSince = Now.AddHours(-1);
        var waitingBefore = Now.AddMinutes(-30);
        await AddAsync(1, TouchpointVendor.VoyadoEngage, DeliveryStatus.Failed, Now.AddHours(-3), Now.AddMinutes(-20), "HTTP 500: later");
        await AddAsync(1, TouchpointVendor.VoyadoEngage, DeliveryStatus.Failed, Now.AddHours(-3), Now.AddMinutes(-50), "HTTP 400: earliest");
        await AddAsync(1, TouchpointVendor.VoyadoEngage, DeliveryStatus.Failed, Now.AddHours(-3), Now.AddHours(-2), "HTTP 400: before the period");
        await AddAsync(2, TouchpointVendor.VoyadoEngage, DeliveryStatus.Failed, Now.AddHours(-3), Now.AddMinutes(-10), "HTTP 401: other store");
        await AddAsync(1, TouchpointVendor.VtMarketing, DeliveryStatus.Pending, Now.AddMinutes(-90));
        await AddAsync(1, TouchpointVendor.VtMarketing, DeliveryStatus.InProgress, Now.AddMinutes(-45));
        await AddAsync(1, TouchpointVendor.VtMarketing, DeliveryStatus.Pending, Now.AddMinutes(-5));
        await AddAsync(1, TouchpointVendor.Transactionale, DeliveryStatus.Delivered, Now.AddHours(-2), Now.AddMinutes(-10));

        var trouble = await _reports.GetDeliveryTroubleAsync(failedSince, waitingBefore);

        Assert.That(trouble, Is.EqualTo(new[]
        {
            new DeliveryTrouble(1, TouchpointVendor.VoyadoEngage, 2, "HTTP 400: earliest", 0, null),
            new DeliveryTrouble(1, TouchpointVendor.VtMarketing, 0, null, 2, Now.AddMinutes(-90)),
            new DeliveryTrouble(2, TouchpointVendor.VoyadoEngage, 1, "HTTP 401: other store", 0, null)
        }));
    }

    [Test]
    public async Task The_reports_aggregate_in_sql_and_never_read_the_rows_themselves()
    {
        for (var i = 0; i < 30; i++)
            await AddAsync(1 + i % 2, (TouchpointVendor)(1 + i % 3), i % 5 == 0 ? DeliveryStatus.Pending : DeliveryStatus.Delivered,
                FromUtc.AddMinutes(40 * i), FromUtc.AddMinutes(40 * i + 1));
        _statements.Clear();

        await HoursAsync();
        await _reports.GetDeliveryTroubleAsync(Now.AddHours(-1), Now.AddMinutes(-30));

        Assert.That(_statements, Is.Not.Empty);
        // The hourly counts' "counted" rows of the window's hours (at most one per hour) are the one list read back.
        var countedHoursList = new Regex($@"FROM\s+{Regex.Escape(Database.Quote(DeliveryHoursMigration.TableName))}(?![\s\S]*GROUP BY)[\s\S]*StatusId\S*\s*=\s*0\b[\s\S]*HourUtc\S*\s*<");
        Assert.That(_statements.Count(countedHoursList.IsMatch), Is.EqualTo(1));
        foreach (var statement in _statements.Where(s => !countedHoursList.IsMatch(s)))
        {
            var groupedOrOneRow = statement.Contains("GROUP BY", StringComparison.OrdinalIgnoreCase)
                || statement.Contains("LIMIT 1", StringComparison.OrdinalIgnoreCase);
            Assert.That(groupedOrOneRow, Is.True, statement);
        }
        Assert.That(_statements.Where(s => s.Contains("GROUP BY", StringComparison.OrdinalIgnoreCase)),
            Has.All.Match("(?i)(COUNT|SUM)\\("), "grouped statements count in the database");
    }

    [Test]
    public void A_cancelled_request_stops_the_reports()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(async () => await _reports.GetDeliveryHistoryAsync(0, FromUtc, Hour, 24, cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(async () => await _reports.GetDeliveryTroubleAsync(Now.AddHours(-1), Now.AddMinutes(-30), cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }
}
