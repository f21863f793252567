namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// Lets the node's own requests (a checkout above all) go before the dispatcher. It counts the HTTP requests this process
/// is serving; while any is, sends take turns one at a time, so the dispatcher's CPU work (reading the order, building
/// the payload) leaves the other core to the customers. A send never waits more than <see cref="MaxTurnWait"/> for its
/// turn: a vendor that is slow to answer holds the turn without using the CPU, and deliveries must still reach a vendor
/// within a second of the order.
/// </summary>
public sealed class CheckoutFirst(TimeProvider timeProvider)
{
    public static readonly TimeSpan MaxTurnWait = TimeSpan.FromMilliseconds(100);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _requestsInFlight;

    public bool ServingRequests => Volatile.Read(ref _requestsInFlight) > 0;

    public void RequestStarted() => Interlocked.Increment(ref _requestsInFlight);

    public void RequestEnded() => Interlocked.Decrement(ref _requestsInFlight);

    /// <summary>
    /// Null when the node serves no request (sends run side by side); else the turn, to be disposed when the send is
    /// done, or null once <see cref="MaxTurnWait"/> passed without one (the send goes anyway).
    /// </summary>
    public async Task<IDisposable?> WaitForTurnAsync(CancellationToken cancellationToken)
    {
        if (!ServingRequests)
            return null;
        using var patience = new CancellationTokenSource(MaxTurnWait, timeProvider);
        using var limits = CancellationTokenSource.CreateLinkedTokenSource(patience.Token, cancellationToken);
        try
        {
            await _turn.WaitAsync(limits.Token);
            return new Turn(_turn);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                turn.Release();
        }
    }
}
