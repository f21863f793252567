using Nop.Plugin.Misc.OrderTouchpoints.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The outbox in process memory, for tests, the sandbox and benchmarks. It enforces exactly the rules of
/// <see cref="DbDeliveryOutbox"/> (unique key, conditional claim with lease and token, token-checked
/// results) under one lock, and hands out copies so callers cannot change stored rows behind its back.
/// Waiting rows (pending or being sent) are also kept in <see cref="_due"/>, ordered as the claim takes
/// them, like the database's _Due index: a claim or a next-due query then costs O(claimed · log n) instead
/// of scanning and sorting every row, which made draining a large backlog quadratic.
/// </summary>
public sealed class InMemoryDeliveryOutbox(TimeProvider timeProvider) : IDeliveryOutbox
{
    private readonly object _gate = new();
    private readonly Dictionary<int, OrderTouchpointDelivery> _rows = [];
    private readonly Dictionary<(int Store, int Order, int Vendor, int Event, long Source), int> _keys = [];
    private readonly SortedSet<(DateTime DueOnUtc, int Id)> _due = [];
    // Waiting row ids per store, order and vendor: a row is claimable only when it is the lowest of its set.
    private readonly Dictionary<(int Store, int Order, int Vendor), SortedSet<int>> _waitingPerOrder = [];
    private int _lastId;

    internal DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>Copies of every row, in id order.</summary>
    public IReadOnlyList<OrderTouchpointDelivery> Snapshot()
    {
        lock (_gate)
            return _rows.Values.OrderBy(r => r.Id).Select(Copy).ToList();
    }

    public Task<int> EnqueueAsync(int storeId, int orderId, TouchpointEvent touchpointEvent, IReadOnlyCollection<TouchpointVendor> vendors,
        DateTime eventOccurredOnUtc, long eventSourceId = 0, CancellationToken cancellationToken = default)
    {
        var created = 0;
        lock (_gate)
        {
            foreach (var vendor in vendors.Distinct())
            {
                var key = (storeId, orderId, (int)vendor, (int)touchpointEvent, eventSourceId);
                if (_keys.ContainsKey(key))
                    continue;
                var row = OutboxRows.NewPending(storeId, orderId, vendor, touchpointEvent, eventOccurredOnUtc, eventSourceId, Now);
                row.Id = ++_lastId;
                _rows.Add(row.Id, row);
                _keys.Add(key, row.Id);
                Index(row);
                created++;
            }
        }
        return Task.FromResult(created);
    }

    // Rows being sent whose lease ran out first (outcome unknown), then due pending rows, oldest due first: as the database's claim.
    public Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(int maxCount, TimeSpan lease, string node, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var token = Guid.NewGuid();
        lock (_gate)
        {
            var due = new List<OrderTouchpointDelivery>(Math.Min(maxCount, _due.Count));
            foreach (var (dueOnUtc, id) in _due)
            {
                if (due.Count >= maxCount || dueOnUtc > now)
                    break;
                if (IsClaimable(_rows[id]))
                    due.Add(_rows[id]);
            }
            var claimed = due.OrderBy(r => r.Status == DeliveryStatus.InProgress ? 0 : 1)
                .Select(row => new ClaimedDelivery(row, OutcomeUnknown: row.Status == DeliveryStatus.InProgress)).ToList();
            foreach (var (row, _) in claimed)
            {
                Unindex(row);
                OutboxRows.MarkClaimed(row, token, now, now + lease, node);
                Index(row);
            }
            return Task.FromResult<IReadOnlyList<ClaimedDelivery>>(claimed.Select(c => c with { Row = Copy(c.Row) }).ToList());
        }
    }

    public Task<int> RenewLeasesAsync(IReadOnlyCollection<Guid> claimTokens, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var until = Now + lease;
        lock (_gate)
        {
            var renewed = _rows.Values.Where(r => r.Status == DeliveryStatus.InProgress && r.ClaimToken is { } token && claimTokens.Contains(token)).ToList();
            foreach (var row in renewed)
            {
                Unindex(row);
                row.ClaimExpiresOnUtc = until;
                Index(row);
            }
            return Task.FromResult(renewed.Count);
        }
    }

    public Task<int> ReleasePausedAsync(string vendorKey, CancellationToken cancellationToken = default)
    {
        var now = Now;
        lock (_gate)
        {
            var rows = _rows.Values.Where(r => r.Status == DeliveryStatus.Pending && r.VendorKey == vendorKey).ToList();
            foreach (var row in rows)
            {
                Unindex(row);
                row.NextAttemptOnUtc = now;
                row.VendorKey = null;
                Index(row);
            }
            return Task.FromResult(rows.Count);
        }
    }

    private static bool IsWaiting(OrderTouchpointDelivery row) => row.Status is DeliveryStatus.Pending or DeliveryStatus.InProgress;

    // Pending rows are due at their next attempt, rows being sent when their send lease runs out.
    private static DateTime DueOn(OrderTouchpointDelivery row) =>
        row.Status == DeliveryStatus.InProgress ? row.ClaimExpiresOnUtc!.Value : row.NextAttemptOnUtc;

    private static (int, int, int) OrderVendor(OrderTouchpointDelivery row) => (row.StoreId, row.OrderId, row.VendorId);

    // The same rule as the database outbox: no earlier waiting row for the same store, order and vendor.
    private bool IsClaimable(OrderTouchpointDelivery row) => _waitingPerOrder[OrderVendor(row)].Min == row.Id;

    /// <summary>Call after a row's status or next attempt changed (and <see cref="Unindex"/> before).</summary>
    private void Index(OrderTouchpointDelivery row)
    {
        if (!IsWaiting(row))
            return;
        _due.Add((DueOn(row), row.Id));
        if (!_waitingPerOrder.TryGetValue(OrderVendor(row), out var ids))
            _waitingPerOrder[OrderVendor(row)] = ids = [];
        ids.Add(row.Id);
    }

    private void Unindex(OrderTouchpointDelivery row)
    {
        if (IsWaiting(row))
            _due.Remove((DueOn(row), row.Id));
        if (_waitingPerOrder.TryGetValue(OrderVendor(row), out var ids) && ids.Remove(row.Id) && ids.Count == 0)
            _waitingPerOrder.Remove(OrderVendor(row));
    }

    public Task<bool> RecordAttemptAsync(AttemptResult result, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(Record(result.DeliveryId, result));
    }

    private bool Record(int deliveryId, AttemptResult result)
    {
        if (!_rows.TryGetValue(deliveryId, out var row) || row.ClaimToken != result.ClaimToken || row.Status != DeliveryStatus.InProgress)
            return false;
        Unindex(row);
        row.Status = result.Status;
        if (result.Status == DeliveryStatus.Pending)
            row.NextAttemptOnUtc = result.NextAttemptOnUtc;
        row.FinishedOnUtc = result.Status == DeliveryStatus.Pending ? null : result.AttemptedOnUtc;
        row.Attempts -= result.Counted ? 0 : 1;
        row.VendorKey = result.VendorKey;
        row.ClaimToken = null;
        row.ClaimExpiresOnUtc = null;
        row.LastAttemptOnUtc = result.AttemptedOnUtc;
        row.LastHttpStatus = result.HttpStatus;
        row.LastReason = OutboxRows.TrimReason(result.Reason);
        row.DeliveredOnUtc = result.Status == DeliveryStatus.Delivered ? result.AttemptedOnUtc : null;
        if (result.Status is DeliveryStatus.Delivered or DeliveryStatus.Failed)
            row.DeliveredState = result.DeliveredState;
        Index(row);
        return true;
    }

    public Task<DateTime?> GetNextDueOnUtcAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_due.Where(due => IsClaimable(_rows[due.Id])).Select(due => (DateTime?)due.DueOnUtc).FirstOrDefault());
    }

    // Batches keep database locks short; in memory one pass under the lock is the same thing.
    public Task<int> PurgeFinishedAsync(DateTime finishedBeforeUtc, int batchSize, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var purge = _rows.Values
                .Where(r => r.Status is DeliveryStatus.Delivered or DeliveryStatus.Skipped or DeliveryStatus.Failed
                    && (r.FinishedOnUtc ?? r.CreatedOnUtc) < finishedBeforeUtc)
                .ToList();
            foreach (var row in purge)
            {
                _rows.Remove(row.Id);
                _keys.Remove((row.StoreId, row.OrderId, row.VendorId, row.EventId, row.EventSourceId));
            }
            return Task.FromResult(purge.Count);
        }
    }

    public Task<IReadOnlySet<int>> GetOrdersWithDeliveryAsync(int storeId, TouchpointVendor vendor, TouchpointEvent touchpointEvent,
        IReadOnlyCollection<int> orderIds, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlySet<int> found = _keys.Keys.Where(k => k.Store == storeId && k.Vendor == (int)vendor && k.Event == (int)touchpointEvent)
                .Select(k => k.Order).Where(orderIds.Contains).ToHashSet();
            return Task.FromResult(found);
        }
    }

    public Task<int> SkipPendingAsync(IReadOnlyCollection<int> orderIds, string reason, CancellationToken cancellationToken = default)
    {
        var now = Now;
        lock (_gate)
        {
            var rows = _rows.Values.Where(r => orderIds.Contains(r.OrderId) && r.Status == DeliveryStatus.Pending).ToList();
            foreach (var row in rows)
            {
                Unindex(row);
                row.Status = DeliveryStatus.Skipped;
                row.FinishedOnUtc = now;
                row.LastReason = OutboxRows.TrimReason(reason);
            }
            return Task.FromResult(rows.Count);
        }
    }

    public Task<int> EraseReasonsAsync(IReadOnlyCollection<int> orderIds, string reason, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var changed = 0;
            foreach (var row in _rows.Values.Where(r => orderIds.Contains(r.OrderId)))
            {
                if (row.Status is DeliveryStatus.Failed or DeliveryStatus.Skipped)
                {
                    row.Status = DeliveryStatus.Skipped;
                    row.LastReason = OutboxRows.TrimReason(reason);
                    changed++;
                }
                else if (row.Status == DeliveryStatus.Delivered && row.LastReason is not null)
                {
                    row.LastReason = null;
                    changed++;
                }
            }
            return Task.FromResult(changed);
        }
    }

    public Task<LastDeliveredState?> GetLastDeliveredStateAsync(int storeId, int orderId, TouchpointVendor vendor,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var last = _rows.Values
                .Where(r => r.StoreId == storeId && r.OrderId == orderId && r.Vendor == vendor
                            && r.Status is (DeliveryStatus.Delivered or DeliveryStatus.Failed) && r.DeliveredState is not null)
                .OrderByDescending(r => r.DeliveredOnUtc ?? r.LastAttemptOnUtc).ThenByDescending(r => r.Id)
                .FirstOrDefault();
            return Task.FromResult(last is null ? null : new LastDeliveredState(last.DeliveredState!, last.Event, AnswerLost: last.Status == DeliveryStatus.Failed));
        }
    }

    /// <summary>Runs <paramref name="read"/> over the stored rows by id (not copies) under the outbox's lock, for the in-memory reports.</summary>
    internal T Read<T>(Func<IReadOnlyDictionary<int, OrderTouchpointDelivery>, T> read)
    {
        lock (_gate)
            return read(_rows);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to every stored row <paramref name="which"/> selects, under the lock, keeping the
    /// due index true, for the in-memory reports' resends; returns how many.
    /// </summary>
    internal int Change(Func<OrderTouchpointDelivery, bool> which, Action<OrderTouchpointDelivery> change)
    {
        lock (_gate)
        {
            var rows = _rows.Values.Where(which).ToList();
            foreach (var row in rows)
            {
                Unindex(row);
                change(row);
                Index(row);
            }
            return rows.Count;
        }
    }

    /// <summary>What a caller gets is its own: the database hands out new objects too.</summary>
    internal static OrderTouchpointDelivery Copy(OrderTouchpointDelivery row) => new()
    {
        Id = row.Id,
        StoreId = row.StoreId,
        OrderId = row.OrderId,
        VendorId = row.VendorId,
        EventId = row.EventId,
        EventSourceId = row.EventSourceId,
        StatusId = row.StatusId,
        Attempts = row.Attempts,
        FirstAttemptOnUtc = row.FirstAttemptOnUtc,
        VendorKey = row.VendorKey,
        NextAttemptOnUtc = row.NextAttemptOnUtc,
        ClaimToken = row.ClaimToken,
        ClaimExpiresOnUtc = row.ClaimExpiresOnUtc,
        FinishedOnUtc = row.FinishedOnUtc,
        LastHttpStatus = row.LastHttpStatus,
        LastReason = row.LastReason,
        CreatedOnUtc = row.CreatedOnUtc,
        LastAttemptOnUtc = row.LastAttemptOnUtc,
        DeliveredOnUtc = row.DeliveredOnUtc,
        EventOccurredOnUtc = row.EventOccurredOnUtc,
        SentByNode = row.SentByNode,
        DeliveredState = row.DeliveredState
    };
}
