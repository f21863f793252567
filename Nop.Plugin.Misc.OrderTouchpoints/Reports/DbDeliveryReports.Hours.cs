using System.Data.Common;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Reports;

/// <summary>
/// The upkeep of the hourly counts the health view reads (<see cref="OrderTouchpointDeliveryHour"/>), run by the delivery
/// sweep on every node, never by checkout or the dispatcher. A closed hour is counted once, oldest first, a day of hours
/// per statement; its "counted" rows are written after its counts, so an hour a node stopped in is counted again
/// (its rows that exist are skipped) and is read live until then. Two nodes counting the same hour both insert the
/// same keys and the database keeps the first.
/// </summary>
public partial class DbDeliveryReports
{
    private const int HoursPerCount = 24;

    public async Task<int> CountFinishedHoursAsync(DateTime keepFromUtc, DateTime closedBeforeUtc, CancellationToken cancellationToken = default)
    {
        // A provider without an insert that skips existing keys keeps counting live: slower, never wrong.
        if (OutboxEnqueueSql.Of(dataProvider.ConfigurationName) is not { } dialect)
            return 0;
        var hoursCounted = 0;
        try
        {
            // Finished times are written on the database clock, the times handed in are the node's: hours are closed by the former.
            await RefreshOffsetAsync(cancellationToken);
            // The hour the retention cut runs through lost part of its rows to the purge: it is read live, not counted.
            var firstHour = DeliveryHistogram.NextHourFrom(keepFromUtc + NodeToDatabase);
            var endHour = DeliveryHistogram.HourOf(closedBeforeUtc + NodeToDatabase);
            var (pruneSql, pruneParameters) = DeliveryHoursSql.Prune(dialect, firstHour);
            await dataProvider.ExecuteNonQueryAsync(pruneSql, pruneParameters);
            var counted = await CountedHoursAsync(firstHour, endHour, cancellationToken);
            var uncounted = new List<DateTime>(HoursPerCount);
            for (var hour = firstHour; hour < endHour; hour = hour.AddHours(1))
            {
                if (!counted.Contains(hour))
                    uncounted.Add(hour);
                // A run of consecutive uncounted hours is one range of the (status, finished) index.
                var runEnds = hour.AddHours(1) >= endHour || counted.Contains(hour.AddHours(1)) || uncounted.Count == HoursPerCount;
                if (uncounted.Count > 0 && runEnds)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await CountHoursAsync(dialect, uncounted[0], uncounted.Count, cancellationToken);
                    hoursCounted += uncounted.Count;
                    uncounted.Clear();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Out of time: the next sweep goes on from the first hour left.
        }
        catch (DbException exception) when (exception.SqlState?.StartsWith("40", StringComparison.Ordinal) == true)
        {
            // SQLSTATE class 40, a transaction rollback: MariaDB's InnoDB can pick one of two nodes inserting the same hours
            // as a deadlock victim despite the key order (its duplicate-key checks take shared locks). The statement was
            // undone whole and the other node counts on; the next sweep goes on from the first hour left.
        }
        return hoursCounted;
    }

    private async Task CountHoursAsync(OutboxEnqueueSql.Dialect dialect, DateTime firstHour, int hourCount, CancellationToken cancellationToken)
    {
        var boundaries = DeliveryHistogram.Boundaries(firstHour, TimeSpan.FromHours(1), hourCount);
        var toUtc = boundaries[^1];
        var counts = await ListAsync(repository.Table
            .Where(d => (d.StatusId == Delivered || d.StatusId == Failed) && d.FinishedOnUtc >= firstHour && d.FinishedOnUtc < toUtc)
            .Select(BucketedBy<OrderTouchpointDelivery, DateTime?>(d => d.FinishedOnUtc, boundaries))
            .GroupBy(r => new { r.StatusId, r.Bucket, r.StoreId, r.VendorId })
            .Select(g => new { g.Key.StatusId, g.Key.Bucket, g.Key.StoreId, g.Key.VendorId, Count = g.Count() }), cancellationToken);

        // In key order, so two nodes inserting the same hours take the key's locks in the same order; "counted" rows last.
        var rows = counts
            .Select(c => new OrderTouchpointDeliveryHour
            {
                HourUtc = boundaries[c.Bucket], StatusId = c.StatusId, StoreId = c.StoreId, VendorId = c.VendorId, Deliveries = c.Count
            })
            .OrderBy(h => h.StatusId).ThenBy(h => h.HourUtc).ThenBy(h => h.StoreId).ThenBy(h => h.VendorId)
            .Concat(boundaries.Take(hourCount).Select(hour => new OrderTouchpointDeliveryHour
            {
                HourUtc = hour, StatusId = OrderTouchpointDeliveryHour.CountedMarkStatusId
            }));
        foreach (var statement in rows.Chunk(DeliveryHoursSql.RowsPerStatement))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (sql, parameters) = DeliveryHoursSql.Insert(dialect, statement);
            await dataProvider.ExecuteNonQueryAsync(sql, parameters);
        }
    }
}
