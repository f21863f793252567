using Nop.Plugin.Misc.OrderTouchpoints.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The erased customers as this process knows them: its own at once, every node's at the next claim, which reads the rows
/// added since (nearly always none). A read of the erased list per send was a third of the dispatcher's statements.
/// </summary>
public sealed class KnownErasures(TimeProvider timeProvider)
{
    // An identity value is drawn before its insert commits, so a lower id can become visible after a higher one. Ids are
    // read again until they were first seen this long ago, far beyond any single-row insert still open.
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly Dictionary<int, DateTime> _erasedOnUtc = [];
    private readonly Queue<(DateTime SeenOnUtc, int Id)> _unsettled = new();
    private int _settledId;
    private int _highestId;

    public DateTime? ErasedOnUtc(int customerId)
    {
        lock (_lock)
            return _erasedOnUtc.TryGetValue(customerId, out var erasedOnUtc) ? erasedOnUtc : null;
    }

    public void Add(int customerId, DateTime erasedOnUtc)
    {
        lock (_lock)
            _erasedOnUtc.TryAdd(customerId, erasedOnUtc);
    }

    public async Task RefreshAsync(Func<int, CancellationToken, Task<List<OrderTouchpointErasedCustomer>>> rowsAfterAsync,
        CancellationToken cancellationToken)
    {
        int after;
        lock (_lock)
            after = _settledId;
        var rows = await rowsAfterAsync(after, cancellationToken);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        lock (_lock)
        {
            foreach (var row in rows)
                _erasedOnUtc.TryAdd(row.CustomerId, row.ErasedOnUtc);
            var highest = rows.Count == 0 ? 0 : rows.Max(row => row.Id);
            if (highest > _highestId)
            {
                _highestId = highest;
                _unsettled.Enqueue((now, highest));
            }
            while (_unsettled.TryPeek(out var seen) && now - seen.SeenOnUtc >= SettleTime)
                _settledId = _unsettled.Dequeue().Id;
        }
    }
}
