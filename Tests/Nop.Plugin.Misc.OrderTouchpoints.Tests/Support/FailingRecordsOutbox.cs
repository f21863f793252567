using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>
/// An outbox whose next <see cref="FailuresLeft"/> result writes throw, as a deadlock victim or a dropped
/// connection would; everything else goes to the wrapped outbox. It also keeps each claim's size and counts lease renewals.
/// </summary>
public sealed class FailingRecordsOutbox(IDeliveryOutbox inner) : IDeliveryOutbox
{
    private int _failuresLeft;

    public int FailuresLeft
    {
        get => Volatile.Read(ref _failuresLeft);
        set => Volatile.Write(ref _failuresLeft, value);
    }

    private int _failedWrites;

    public int FailedWrites => Volatile.Read(ref _failedWrites);

    public Task<bool> RecordAttemptAsync(AttemptResult result, CancellationToken cancellationToken = default)
    {
        FailIfAsked();
        return inner.RecordAttemptAsync(result, cancellationToken);
    }

    private void FailIfAsked()
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            Interlocked.Increment(ref _failedWrites);
            throw new InvalidOperationException("Transaction was deadlocked on lock resources with another process (simulated).");
        }
    }

    public Task<int> EnqueueAsync(int storeId, int orderId, TouchpointEvent touchpointEvent, IReadOnlyCollection<TouchpointVendor> vendors,
        DateTime eventOccurredOnUtc, long eventSourceId = 0, CancellationToken cancellationToken = default) =>
        inner.EnqueueAsync(storeId, orderId, touchpointEvent, vendors, eventOccurredOnUtc, eventSourceId, cancellationToken);

    /// <summary>Each claim's requested size and the number of rows it claimed, in order.</summary>
    public List<(int Asked, int Claimed)> Claims { get; } = [];

    /// <summary>When set, runs before each claim is passed on (another node acting meanwhile).</summary>
    public Func<Task>? BeforeClaim { get; set; }

    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(int maxCount, TimeSpan lease, string node, CancellationToken cancellationToken = default)
    {
        if (BeforeClaim is { } beforeClaim)
            await beforeClaim();
        var claimed = await inner.ClaimDueAsync(maxCount, lease, node, cancellationToken);
        lock (Claims)
            Claims.Add((maxCount, claimed.Count));
        return claimed;
    }

    /// <summary>How many lease renewals were made.</summary>
    public int Renewals { get; private set; }

    public Task<int> RenewLeasesAsync(IReadOnlyCollection<Guid> claimTokens, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        Renewals++;
        return inner.RenewLeasesAsync(claimTokens, lease, cancellationToken);
    }

    public Task<int> ReleasePausedAsync(string vendorKey, CancellationToken cancellationToken = default) =>
        inner.ReleasePausedAsync(vendorKey, cancellationToken);

    public Task<DateTime?> GetNextDueOnUtcAsync(CancellationToken cancellationToken = default) => inner.GetNextDueOnUtcAsync(cancellationToken);

    public Task<int> PurgeFinishedAsync(DateTime finishedBeforeUtc, int batchSize, CancellationToken cancellationToken = default) =>
        inner.PurgeFinishedAsync(finishedBeforeUtc, batchSize, cancellationToken);

    public Task<IReadOnlySet<int>> GetOrdersWithDeliveryAsync(int storeId, TouchpointVendor vendor, TouchpointEvent touchpointEvent,
        IReadOnlyCollection<int> orderIds, CancellationToken cancellationToken = default) =>
        inner.GetOrdersWithDeliveryAsync(storeId, vendor, touchpointEvent, orderIds, cancellationToken);

    public Task<int> SkipPendingAsync(IReadOnlyCollection<int> orderIds, string reason, CancellationToken cancellationToken = default) =>
        inner.SkipPendingAsync(orderIds, reason, cancellationToken);

    public Task<int> EraseReasonsAsync(IReadOnlyCollection<int> orderIds, string reason, CancellationToken cancellationToken = default) =>
        inner.EraseReasonsAsync(orderIds, reason, cancellationToken);

    public Task<LastDeliveredState?> GetLastDeliveredStateAsync(int storeId, int orderId, TouchpointVendor vendor,
        CancellationToken cancellationToken = default) =>
        inner.GetLastDeliveredStateAsync(storeId, orderId, vendor, cancellationToken);
}
