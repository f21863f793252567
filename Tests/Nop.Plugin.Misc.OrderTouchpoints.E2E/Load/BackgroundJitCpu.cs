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
    private readonly Dictionary<int, long> _ticksByThread = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _totalTicks;

    public BackgroundJitCpu(int pid)
    {
        _pid = pid;
        Sample();
        _sampling = Task.Run(SampleUntilStoppedAsync);
    }

    /// <summary>The tiered-compilation CPU time summed since this sampler started, read now.</summary>
    public TimeSpan Total
    {
        get
        {
            Sample();
            lock (_ticksByThread)
                return TimeSpan.FromMilliseconds(_totalTicks * 10);
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

    // Fields 14 and 15 of /proc/<pid>/task/<tid>/stat: user and system time in clock ticks (1/100 s on Linux).
    private void Sample()
    {
        foreach (var task in Directory.EnumerateDirectories($"/proc/{_pid}/task"))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered", StringComparison.Ordinal))
                    continue;
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                var tid = int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture);
                lock (_ticksByThread)
                {
                    _totalTicks += ticks - _ticksByThread.GetValueOrDefault(tid);
                    _ticksByThread[tid] = ticks;
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
