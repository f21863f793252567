using LinqToDB;
using Nop.Core;
using Nop.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The outbox in the store's database. Claims and results are conditional UPDATEs (<see cref="OutboxSendSql"/>): the database
/// re-checks the condition under the row lock, so of two nodes racing for a row exactly one sees "1 row affected". Times are
/// the database server's (<see cref="DatabaseClock"/>), so nodes whose clocks disagree agree on what ran out and what is due;
/// without a clock (tests that drive time) the node's own is used.
/// </summary>
public class DbDeliveryOutbox(IRepository<OrderTouchpointDelivery> repository, INopDataProvider dataProvider, TimeProvider timeProvider,
    DatabaseClock? databaseClock = null, ILogger? logger = null)
    : IDeliveryOutbox
{
    // Once per process: a statement that keeps failing would otherwise write a log entry per checkout.
    private static int _enqueueFallbackLogged;

    private const int Pending = (int)DeliveryStatus.Pending;
    private const int InProgress = (int)DeliveryStatus.InProgress;
    private const int Delivered = (int)DeliveryStatus.Delivered;
    private const int Failed = (int)DeliveryStatus.Failed;
    private const int Skipped = (int)DeliveryStatus.Skipped;
    // Keeps IN lists well under every provider's parameter limit.
    private const int IdChunk = 500;

    // nopCommerce 4.90 runs on SQL Server, MySQL/MariaDB and PostgreSQL only.
    private OutboxEnqueueSql.Dialect Dialect => OutboxEnqueueSql.Of(dataProvider.ConfigurationName)
        ?? throw new NotSupportedException($"The outbox has no statements for the database provider {dataProvider.ConfigurationName}.");

    // No round trip: checkout's enqueue, releases and skips use the offset last read.
    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime + NodeToDatabase;

    private TimeSpan NodeToDatabase => databaseClock?.Offset ?? TimeSpan.Zero;

    // What compares against now (claims, lease renewals, the next due time) reads the offset again when it is a minute old.
    private async Task<DateTime> ComparedNowAsync(CancellationToken cancellationToken)
    {
        await RefreshOffsetAsync(cancellationToken);
        return Now;
    }

    private async Task RefreshOffsetAsync(CancellationToken cancellationToken)
    {
        if (databaseClock is not null)
            await databaseClock.OffsetAsync(dataProvider, cancellationToken);
    }

    public async Task<int> EnqueueAsync(int storeId, int orderId, TouchpointEvent touchpointEvent, IReadOnlyCollection<TouchpointVendor> vendors,
        DateTime eventOccurredOnUtc, long eventSourceId = 0, CancellationToken cancellationToken = default)
    {
        // In key order, so two nodes writing the same event take the key's locks in the same order (no deadlock).
        var distinct = vendors.Distinct().Order().ToList();
        if (distinct.Count == 0)
            return 0;
        // Only a process's first write reads the offset, so checkout stays one round trip.
        if (databaseClock is not null)
        {
            try
            {
                await databaseClock.KnownOffsetAsync(dataProvider, cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Rows due by this node's clock beat an event lost to a clock read; the next claim reads the offset again.
            }
        }
        if (OutboxEnqueueSql.Of(dataProvider.ConfigurationName) is { } dialect)
        {
            try
            {
                var (sql, parameters) = OutboxEnqueueSql.Build(dialect, storeId, orderId, touchpointEvent, eventSourceId, distinct, eventOccurredOnUtc, Now);
                return await dataProvider.ExecuteNonQueryAsync(sql, parameters);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The statement writes all rows or none: whatever refused it (a lost connection, a deadlock victim),
                // the repository's path below tries again, row by row where keys exist, rather than lose the event.
                await LogEnqueueFallbackOnceAsync(exception);
            }
        }
        return await InsertThroughRepositoryAsync(storeId, orderId, touchpointEvent, distinct, eventOccurredOnUtc, eventSourceId, cancellationToken);
    }

    /// <summary>Lets a test start from what a new process knows.</summary>
    internal static void ForgetEnqueueFallbackLogged() => Interlocked.Exchange(ref _enqueueFallbackLogged, 0);

    private async Task LogEnqueueFallbackOnceAsync(Exception exception)
    {
        if (logger is null || Interlocked.Exchange(ref _enqueueFallbackLogged, 1) == 1)
            return;
        try
        {
            // Only the type: a provider's message can quote the statement's parameters.
            await logger.WarningAsync("Order touchpoints: the one-statement outbox write at checkout failed "
                + $"({exception.GetType().Name}); events are written through nopCommerce's repository instead, which costs more round "
                + "trips. Logged once per process; check the database if it repeats after a restart.");
        }
        catch (Exception)
        {
            // A log that cannot be written must not cost the order its deliveries.
        }
    }

    // The fallback: nopCommerce's batch insert, then row by row when a key exists.
    private async Task<int> InsertThroughRepositoryAsync(int storeId, int orderId, TouchpointEvent touchpointEvent, List<TouchpointVendor> distinct,
        DateTime eventOccurredOnUtc, long eventSourceId, CancellationToken cancellationToken)
    {
        var eventId = (int)touchpointEvent;
        try
        {
            await repository.InsertAsync(distinct.Select(vendor =>
                OutboxRows.NewPending(storeId, orderId, vendor, touchpointEvent, eventOccurredOnUtc, eventSourceId, Now)).ToList(), publishEvent: false);
            return distinct.Count;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A repeated event or a concurrent node: the unique key refused the batch, nothing was written.
        }
        var existing = await Existing(storeId, orderId, eventId, eventSourceId).Select(d => d.VendorId).ToListAsync();
        var created = 0;
        foreach (var vendor in distinct.Where(v => !existing.Contains((int)v)))
        {
            var row = OutboxRows.NewPending(storeId, orderId, vendor, touchpointEvent, eventOccurredOnUtc, eventSourceId, Now);
            try
            {
                await repository.InsertAsync(row, publishEvent: false);
                created++;
            }
            catch (Exception)
            {
                // A concurrent insert of the same key won the unique index: the delivery exists, which is all we want.
                if (!await Existing(storeId, orderId, eventId, eventSourceId).AnyAsync(d => d.VendorId == (int)vendor))
                    throw;
            }
        }
        return created;
    }

    private IQueryable<OrderTouchpointDelivery> Existing(int storeId, int orderId, int eventId, long eventSourceId) =>
        repository.Table.Where(d => d.StoreId == storeId && d.OrderId == orderId && d.EventId == eventId && d.EventSourceId == eventSourceId);

    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(int maxCount, TimeSpan lease, string node, CancellationToken cancellationToken = default)
    {
        var now = await ComparedNowAsync(cancellationToken);
        // One read: rows whose send lease ran out (few: the nodes' send slots), then a range of the due index read in its
        // order and cut at maxCount, whatever the backlog (ClaimPlanTests). UNION ALL keeps no order, so it is restored here.
        var abandoned = repository.Table.Where(d => d.StatusId == InProgress && d.ClaimExpiresOnUtc <= now)
            .OrderBy(d => d.ClaimExpiresOnUtc).Take(maxCount);
        var due = FirstWaitingOfTheirOrder(repository.Table.Where(d => d.StatusId == Pending && d.NextAttemptOnUtc <= now))
            .OrderBy(d => d.NextAttemptOnUtc).Take(maxCount);
        var candidates = (await abandoned.Concat(due).ToListAsync())
            .OrderBy(d => d.StatusId == InProgress ? 0 : 1)
            .ThenBy(d => d.StatusId == InProgress ? d.ClaimExpiresOnUtc : d.NextAttemptOnUtc)
            .ThenBy(d => d.Id)
            .Take(maxCount).ToList();
        if (candidates.Count == 0)
            return [];

        // Rows another node took since the read no longer meet the UPDATE's condition and are not affected.
        var ids = candidates.Select(c => c.Id).ToList();
        var token = Guid.NewGuid();
        var until = now + lease;
        var (sql, parameters) = OutboxSendSql.Claim(Dialect, ids, token, now, until, node);
        var affected = await dataProvider.ExecuteNonQueryAsync(sql, parameters);
        if (affected == 0)
            return [];
        // Anything that changes a candidate meanwhile (a claim, a resend, a GDPR skip) moves it out of the condition, so
        // only a partial claim reads back which rows are ours.
        var taken = affected == candidates.Count
            ? candidates
            : (await repository.Table.Where(d => ids.Contains(d.Id) && d.ClaimToken == token).Select(d => d.Id).ToListAsync())
                .Select(id => candidates.First(c => c.Id == id)).OrderBy(c => ids.IndexOf(c.Id)).ToList();
        var claimed = taken.Select(row => new ClaimedDelivery(row, OutcomeUnknown: row.StatusId == InProgress)).ToList();
        foreach (var delivery in claimed)
            OutboxRows.MarkClaimed(delivery.Row, token, now, until, node);
        return claimed;
    }

    public async Task<int> RenewLeasesAsync(IReadOnlyCollection<Guid> claimTokens, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var tokens = claimTokens.Select(t => (Guid?)t).Distinct().ToList();
        if (tokens.Count == 0)
            return 0;
        var until = await ComparedNowAsync(cancellationToken) + lease;
        return await repository.Table
            .Where(d => tokens.Contains(d.ClaimToken) && d.StatusId == InProgress)
            .Set(d => d.ClaimExpiresOnUtc, (DateTime?)until)
            .UpdateAsync(cancellationToken);
    }

    public Task<int> ReleasePausedAsync(string vendorKey, CancellationToken cancellationToken = default) =>
        repository.Table
            .Where(d => d.StatusId == Pending && d.VendorKey == vendorKey)
            .Set(d => d.NextAttemptOnUtc, Now)
            .Set(d => d.VendorKey, (string?)null)
            .UpdateAsync(cancellationToken);

    // The NOT EXISTS is a seek per candidate on an index leading with OrderId.
    private IQueryable<OrderTouchpointDelivery> FirstWaitingOfTheirOrder(IQueryable<OrderTouchpointDelivery> rows) =>
        rows.Where(d => !repository.Table.Any(e => e.StoreId == d.StoreId && e.OrderId == d.OrderId && e.VendorId == d.VendorId
            && e.Id < d.Id && (e.StatusId == Pending || e.StatusId == InProgress)));

    public async Task<bool> RecordAttemptAsync(AttemptResult result, CancellationToken cancellationToken = default)
    {
        // The result's times are the node's: on the database's clock the retry is due as long after the attempt as the node meant.
        var (sql, parameters) = OutboxSendSql.Result(Dialect, result, OutboxRows.TrimReason(result.Reason),
            result.AttemptedOnUtc + NodeToDatabase, result.NextAttemptOnUtc + NodeToDatabase);
        return await dataProvider.ExecuteNonQueryAsync(sql, parameters) == 1;
    }

    public async Task<DateTime?> GetNextDueOnUtcAsync(CancellationToken cancellationToken = default)
    {
        await RefreshOffsetAsync(cancellationToken);
        // One round trip: the earliest waiting row and the earliest send lease, one row of an index range each.
        var nextPending = FirstWaitingOfTheirOrder(repository.Table.Where(d => d.StatusId == Pending))
            .OrderBy(d => d.NextAttemptOnUtc)
            .Select(d => (DateTime?)d.NextAttemptOnUtc)
            .Take(1);
        var nextLeaseEnd = repository.Table.Where(d => d.StatusId == InProgress)
            .OrderBy(d => d.ClaimExpiresOnUtc)
            .Select(d => d.ClaimExpiresOnUtc)
            .Take(1);
        var next = (await nextPending.Concat(nextLeaseEnd).ToListAsync()).Min();
        // The worker sleeps until then on the node's clock.
        return next - NodeToDatabase;
    }

    public async Task<int> PurgeFinishedAsync(DateTime finishedBeforeUtc, int batchSize, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        foreach (var status in new[] { Delivered, Skipped, Failed })
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // Rows finished under 1.0 have no FinishedOnUtc; their creation time stands in.
                var ids = await repository.Table
                    .Where(d => d.StatusId == status && (d.FinishedOnUtc < finishedBeforeUtc || (d.FinishedOnUtc == null && d.CreatedOnUtc < finishedBeforeUtc)))
                    .Select(d => d.Id).Take(batchSize).ToListAsync();
                if (ids.Count == 0)
                    break;
                deleted += await repository.DeleteAsync(d => ids.Contains(d.Id));
                if (ids.Count < batchSize)
                    break;
            }
        }
        return deleted;
    }

    public async Task<IReadOnlySet<int>> GetOrdersWithDeliveryAsync(int storeId, TouchpointVendor vendor, TouchpointEvent touchpointEvent,
        IReadOnlyCollection<int> orderIds, CancellationToken cancellationToken = default)
    {
        var found = new HashSet<int>();
        foreach (var chunk in Chunks(orderIds))
        {
            found.UnionWith(await repository.Table
                .Where(d => d.StoreId == storeId && chunk.Contains(d.OrderId) && d.VendorId == (int)vendor && d.EventId == (int)touchpointEvent)
                .Select(d => d.OrderId).ToListAsync());
        }
        return found;
    }

    public async Task<int> SkipPendingAsync(IReadOnlyCollection<int> orderIds, string reason, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var trimmed = OutboxRows.TrimReason(reason);
        var skipped = 0;
        foreach (var chunk in Chunks(orderIds))
        {
            skipped += await repository.Table
                .Where(d => chunk.Contains(d.OrderId) && d.StatusId == Pending)
                .Set(d => d.StatusId, Skipped)
                .Set(d => d.FinishedOnUtc, (DateTime?)now)
                .Set(d => d.LastReason, trimmed)
                .UpdateAsync(cancellationToken);
        }
        return skipped;
    }

    public async Task<int> EraseReasonsAsync(IReadOnlyCollection<int> orderIds, string reason, CancellationToken cancellationToken = default)
    {
        var trimmed = OutboxRows.TrimReason(reason);
        var changed = 0;
        foreach (var chunk in Chunks(orderIds))
        {
            changed += await repository.Table
                .Where(d => chunk.Contains(d.OrderId) && (d.StatusId == Failed || d.StatusId == Skipped))
                .Set(d => d.StatusId, Skipped)
                .Set(d => d.LastReason, trimmed)
                .UpdateAsync(cancellationToken);
            changed += await repository.Table
                .Where(d => chunk.Contains(d.OrderId) && d.StatusId == Delivered && d.LastReason != null)
                .Set(d => d.LastReason, (string?)null)
                .UpdateAsync(cancellationToken);
        }
        return changed;
    }

    public async Task<LastDeliveredState?> GetLastDeliveredStateAsync(int storeId, int orderId, TouchpointVendor vendor,
        CancellationToken cancellationToken = default)
    {
        // A seek on the order index; an order has a handful of rows. A failed row holds a state only when its answer was lost.
        var last = (await repository.Table
            .Where(d => d.OrderId == orderId && d.StoreId == storeId && d.VendorId == (int)vendor && (d.StatusId == Delivered || d.StatusId == Failed)
                        && d.DeliveredState != null)
            .OrderByDescending(d => d.DeliveredOnUtc ?? d.LastAttemptOnUtc).ThenByDescending(d => d.Id)
            .Select(d => new { d.DeliveredState, d.EventId, d.StatusId })
            .Take(1).ToListAsync()).FirstOrDefault();
        return last is null ? null : new LastDeliveredState(last.DeliveredState!, (TouchpointEvent)last.EventId, AnswerLost: last.StatusId == Failed);
    }

    // Lists, not arrays: with C# 14 an array's Contains binds to MemoryExtensions (spans), which linq2db cannot translate.
    internal static IEnumerable<List<int>> Chunks(IEnumerable<int> ids) => ids.Distinct().Chunk(IdChunk).Select(chunk => chunk.ToList());
}
