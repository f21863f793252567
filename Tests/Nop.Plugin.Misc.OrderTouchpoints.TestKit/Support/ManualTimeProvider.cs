namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>
/// A clock that moves only when a test says so. Timers (Polly's attempt timeout, the dispatcher's send
/// limit, the worker's sleep) fire on <see cref="Advance"/>, on the advancing thread, in due order.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<(DateTimeOffset DueAt, TaskCompletionSource Scheduled)> _timerWaits = [];
    private DateTimeOffset _now = start;

    public ManualTimeProvider() : this(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
            return _now;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by) => SetUtcNow(GetUtcNow() + by);

    /// <summary>Moves the clock to <paramref name="to"/> (never back), firing every timer due on the way.</summary>
    public void SetUtcNow(DateTimeOffset to)
    {
        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueAt <= to).OrderBy(t => t.DueAt).FirstOrDefault();
                if (next is null)
                {
                    if (to > _now)
                        _now = to;
                    return;
                }
                if (next.DueAt > _now)
                    _now = next.DueAt;
                next.Rearm();
            }
            next.Fire();
        }
    }

    /// <summary>
    /// Completes once a timer is scheduled to fire exactly at <paramref name="dueAt"/> — how a test knows
    /// that a sleeper has gone to sleep before it moves the clock.
    /// </summary>
    public Task WhenTimerScheduledAt(DateTimeOffset dueAt)
    {
        lock (_gate)
        {
            if (_timers.Any(t => t.DueAt == dueAt))
                return Task.CompletedTask;
            var scheduled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _timerWaits.Add((dueAt, scheduled));
            return scheduled.Task;
        }
    }

    private void OnScheduled(DateTimeOffset dueAt)
    {
        foreach (var wait in _timerWaits.Where(w => w.DueAt == dueAt).ToList())
        {
            _timerWaits.Remove(wait);
            wait.Scheduled.TrySetResult();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                    return true;
                DueAt = clock._now + dueTime;
                clock._timers.Add(this);
                clock.OnScheduled(DueAt);
                return true;
            }
        }

        /// <summary>Called under the clock's lock when the timer fires: re-schedule a periodic one, else drop it.</summary>
        public void Rearm()
        {
            clock._timers.Remove(this);
            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                DueAt += _period;
                clock._timers.Add(this);
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock._gate)
                clock._timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
