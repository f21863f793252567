namespace Nop.Plugin.Misc.OrderTouchpoints.Benchmarks;

/// <summary>
/// Samples the managed heap (GC.GetTotalMemory without collecting, so garbage not yet collected counts too)
/// on a background thread while a benchmark runs, and keeps the highest value.
/// </summary>
public sealed class PeakMemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakBytes;

    private PeakMemorySampler()
    {
        _peakBytes = GC.GetTotalMemory(false);
        _sampling = Task.Factory.StartNew(Sample, TaskCreationOptions.LongRunning);
    }

    /// <summary>Collects first, so the peak starts from the live heap of the process at this point.</summary>
    public static PeakMemorySampler Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new PeakMemorySampler();
    }

    public double PeakMegabytes => Interlocked.Read(ref _peakBytes) / (1024.0 * 1024.0);

    private void Sample()
    {
        while (!_stop.IsCancellationRequested)
        {
            var current = GC.GetTotalMemory(false);
            if (current > Interlocked.Read(ref _peakBytes))
                Interlocked.Exchange(ref _peakBytes, current);
            Thread.Sleep(2);
        }
    }

    /// <summary>Stops sampling; the peak stays readable.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
            return;
        await _stop.CancelAsync();
        await _sampling;
    }
}
