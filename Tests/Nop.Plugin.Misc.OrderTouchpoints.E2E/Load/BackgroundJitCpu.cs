using System.Globalization;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Load;

/// <summary>
/// The CPU time of a .NET process's tiered-compilation threads (named ".NET Tiered Com…"), which recompile hot methods in the
/// background. A young store spends a large part of its CPU there for its first minutes of traffic, and a round measured
/// meanwhile pays for it whatever the plugin does. Such a thread exits when it has nothing to do, taking its CPU time with it,
/// so the threads are sampled by id every <see cref="SampleEvery"/> and their growth summed: an exiting thread loses at most
/// its last interval.
/// </summary>
public sealed class BackgroundJitCpu : IAsyncDisposable
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(500);

    private readonly int _pid;
    private readonly Dictionary<int, TimeSpan> _cpuByThread = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private TimeSpan _total;

    public BackgroundJitCpu(int pid)
    {
        _pid = pid;
        Sample();
        _sampling = Task.Run(SampleUntilStoppedAsync);
    }

    /// <summary>The tiered-compilation threads' CPU time, read now; what a stretch of the run spent is the difference of two reads.</summary>
    public TimeSpan Total
    {
        get
        {
            Sample();
            lock (_cpuByThread)
                return _total;
        }
    }

    private async Task SampleUntilStoppedAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(SampleEvery, _stop.Token);
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Sample()
    {
        foreach (var task in Directory.EnumerateDirectories($"/proc/{_pid}/task"))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered", StringComparison.Ordinal))
                    continue;
                var cpu = ProcCpu.Of(Path.Combine(task, "stat"));
                var tid = int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture);
                lock (_cpuByThread)
                {
                    _total += cpu - _cpuByThread.GetValueOrDefault(tid);
                    _cpuByThread[tid] = cpu;
                }
            }
            catch (IOException)
            {
                // The thread exited between the listing and the read.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
