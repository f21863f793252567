using System.Threading.Channels;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// Wakes the delivery worker (a singleton). Raising it costs a non-blocking write; any number of raises
/// while the worker is busy coalesce into one more drain.
/// </summary>
public sealed class DeliverySignal
{
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Raise() => _wakeUps.Writer.TryWrite(true);

    /// <summary>Waits until raised (true) or until <paramref name="maxWait"/> passes on <paramref name="timeProvider"/>'s clock (false).</summary>
    public async Task<bool> WaitAsync(TimeSpan? maxWait, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (_wakeUps.Reader.TryRead(out _))
            return true;
        if (maxWait is { } wait && wait <= TimeSpan.Zero)
            return false;

        using var timeout = maxWait is { } delay ? new CancellationTokenSource(delay, timeProvider) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await _wakeUps.Reader.WaitToReadAsync(linked.Token);
            return _wakeUps.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
