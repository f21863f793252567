using System.Diagnostics;
using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Benchmarks;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Db.Tests;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;

namespace Nop.Plugin.Misc.OrderTouchpoints.DbBenchmarks;

/// <summary>
/// The admin's health reports at 1,000,000 outbox rows on PostgreSQL: a month of deliveries for three vendors
/// and two stores (most delivered, some failed and skipped, 1 % still waiting as after an outage). One health
/// view is what the delivery log, the dashboard card and the configure page ask the reports for; the alert check
/// is measured beside it, and so is the delivery sweep's upkeep of the hourly counts the view reads for closed hours.
/// Allocations per view show that memory does not follow the table.
/// </summary>
public sealed class HealthBenchmark(string server, BenchmarkReport report)
{
    private const int Rows = 1_000_000;

    /// <summary>The hook in Program.cs: runs unless only checkout was asked for; true when only this benchmark was (<c>--health</c>).</summary>
    public static async Task<bool> RunAsync(string server, string[] args, BenchmarkReport report)
    {
        if (args.Contains("--checkout") || args.Contains("--dispatch"))
            return false;
        if (args.Contains("--quick"))
            report.Note("--quick: health_ms_pg_1m not measured (1,000,000 rows take a minute to load)");
        else
            await new HealthBenchmark(server, report).RunAsync();
        return args.Contains("--health");
    }

    private async Task RunAsync()
    {
        await using var database = await OutboxDatabase.CreateAsync(DatabaseKind.PostgreSQL, server);
        var nowUtc = DateTime.UtcNow;
        var fill = Stopwatch.StartNew();
        await FillAsync(database, nowUtc);
        report.Note($"health: {Rows:N0} rows over 30 days loaded in {fill.Elapsed.TotalSeconds:0} s");

        await using var connection = database.Connect();
        var reports = OutboxDatabase.Reports(connection, TimeProvider.System);
        var currentHour = DeliveryHistogram.HourOf(nowUtc);
        const int runs = 50;

        // What the delivery sweep does after an update to a store with a month of rows, then at each later run.
        var firstCount = Stopwatch.StartNew();
        var counted = await CountHoursAsSweepAsync(reports, nowUtc);
        report.Note($"health: the sweep's first count of {counted} closed hours ({Rows:N0} rows) took {firstCount.Elapsed.TotalSeconds:0.0} s");
        var upkeep = await MeasureAsync(runs, ct => CountHoursAsSweepAsync(reports, nowUtc, ct));

        // The view's queries as DeliveryHealthModelFactory and VendorHealthModelFactory make them; an admin at UTC+05:30 has
        // days that start at hh:30 UTC, so two hours of each day are counted live.
        var halfHourMidnight = nowUtc.Date.AddMinutes(-330);
        var hours = await MeasureAsync(runs, ct => reports.GetDeliveryHistoryAsync(0, currentHour.AddHours(-23), TimeSpan.FromHours(1), 24, ct));
        var days = await MeasureAsync(runs, ct => reports.GetDeliveryHistoryAsync(0, nowUtc.Date.AddDays(-29), TimeSpan.FromDays(1), 30, ct));
        var daysOneStore = await MeasureAsync(runs, ct => reports.GetDeliveryHistoryAsync(2, nowUtc.Date.AddDays(-29), TimeSpan.FromDays(1), 30, ct));
        var daysHalfHour = await MeasureAsync(runs, ct => reports.GetDeliveryHistoryAsync(0, halfHourMidnight.AddDays(-29), TimeSpan.FromDays(1), 30, ct));
        var configure = await MeasureAsync(runs, ct => reports.GetVendorHealthAsync(0, ct));
        var alerts = await MeasureAsync(runs, ct => reports.GetDeliveryTroubleAsync(nowUtc.AddHours(-1), nowUtc.AddMinutes(-30), ct));

        var worst = new[] { hours, days, daysOneStore, daysHalfHour, configure }.Max(s => s.P99);
        report.Metric("health_ms_pg_1m", worst, "ms");
        report.Note($"health view p99 / p50 over {runs} runs each: 24 hours {hours}, 30 days {days}, 30 days of one store {daysOneStore}, "
            + $"30 days from a +05:30 midnight {daysHalfHour}, configure page figures {configure}; the metric is the slowest p99");
        report.Note($"alert check (failures in the last hour, rows waiting over 30 minutes): {alerts}");
        report.Note($"the sweep's count upkeep with every closed hour counted: {upkeep}");
    }

    private static Task<int> CountHoursAsSweepAsync(DbDeliveryReports reports, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        reports.CountFinishedHoursAsync(nowUtc - DeliveryHistogram.CountedPeriod, nowUtc - DeliveryHistogram.HourSettleTime, cancellationToken);

    private static async Task<Measured> MeasureAsync<T>(int runs, Func<CancellationToken, Task<T>> query)
    {
        // One warm-up: linq2db's query cache and PostgreSQL's plans, as in a store whose admin has opened the page before.
        await query(CancellationToken.None);
        var samples = new Samples(runs);
        long allocated = 0;
        for (var i = 0; i < runs; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var start = Stopwatch.GetTimestamp();
            await query(CancellationToken.None);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
        }
        return new Measured(samples.Percentile(0.99), samples.Percentile(0.5), allocated / runs / 1024.0);
    }

    private readonly record struct Measured(double P99, double P50, double AllocatedKb)
    {
        public override string ToString() => $"{P99:0.0} / {P50:0.0} ms ({AllocatedKb:0} KB allocated per call)";
    }

    /// <summary>Rows created evenly over the last 30 days, each finished a few seconds after it was created unless still waiting.</summary>
    private static async Task FillAsync(OutboxDatabase database, DateTime nowUtc)
    {
        var vendors = Enum.GetValues<TouchpointVendor>();
        var span = TimeSpan.FromDays(30);
        var rows = Enumerable.Range(1, Rows).Select(i =>
        {
            var created = nowUtc - span + span * ((double)i / Rows);
            var status = (i % 100) switch
            {
                0 => DeliveryStatus.Pending,
                1 or 2 or 3 => DeliveryStatus.Failed,
                4 or 5 => DeliveryStatus.Skipped,
                _ => DeliveryStatus.Delivered
            };
            var finished = status == DeliveryStatus.Pending ? (DateTime?)null : created.AddSeconds(2 + i % 7);
            return new OrderTouchpointDelivery
            {
                StoreId = 1 + i % 2,
                OrderId = (i + 2) / 3,
                Vendor = vendors[i % vendors.Length],
                Event = TouchpointEvent.OrderPlaced,
                Status = status,
                Attempts = status == DeliveryStatus.Pending ? 0 : 1,
                NextAttemptOnUtc = status == DeliveryStatus.Pending ? nowUtc : created,
                CreatedOnUtc = created,
                EventOccurredOnUtc = created,
                FirstAttemptOnUtc = finished,
                LastAttemptOnUtc = finished,
                FinishedOnUtc = finished,
                DeliveredOnUtc = status == DeliveryStatus.Delivered ? finished : null,
                LastReason = status == DeliveryStatus.Failed ? "HTTP 400: shop_country missing" : null
            };
        });
        await using var connection = database.Connect();
        await connection.GetTable<OrderTouchpointDelivery>().BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.ProviderSpecific }, rows);
        await connection.ExecuteAsync($"VACUUM ANALYZE {database.Quote(OutboxTableMigration.TableName)}");
    }
}
