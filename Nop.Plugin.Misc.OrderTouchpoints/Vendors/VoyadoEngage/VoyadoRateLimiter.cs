using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>
/// Holds Engage calls under MaxRequestsPerSecond per API key (a singleton: every store and dispatcher
/// thread of this process sharing a key shares its limiter; other web-farm nodes have their own).
/// Why a registry acquired before each call rather than a Polly strategy: the wait for a slot must not
/// eat the attempt timeout, and Polly.RateLimiting is not available.
/// Why a ConcurrencyLimiter whose permit goes back one second after the call ENDED, rather than the
/// fixed/sliding window limiters: those count departures per window segment, so a burst at the end of
/// one segment and another at the start of the next can put 2×N requests into one second as Engage sees
/// it, and a slow first connection bunches arrivals further. A request reaches Engage before its answer
/// comes back, so two calls on the same permit always arrive at least one second apart: Engage never
/// sees more than N requests within any second, whatever the network does. The price: with slow answers
/// the rate reached is N per (1 s + answer time), still close to N at Engage's usual latency.
/// </summary>
public sealed class VoyadoRateLimiter(TimeProvider timeProvider)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    // Timers run on a coarse monotonic tick and can fire a few milliseconds before a full window has passed
    // by the wall clock Engage counts with; the permit is held that much longer.
    public static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(25);

    // Waiting callers beyond this many seconds of backlog are told to come back later instead of queueing.
    private const int MaxQueuedSeconds = 60;

    private readonly ConcurrentDictionary<string, KeyLimiter> _limiters = new();

    /// <summary>
    /// Waits (at most <paramref name="maxWait"/>) until a call may start. Dispose the slot when the call has
    /// ended; null when no slot could be had in time (nothing was sent: the delivery is retried later).
    /// </summary>
    public async Task<IDisposable?> WaitForSlotAsync(string apiKey, int maxRequestsPerSecond, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var limiter = LimiterFor(apiKey, Math.Max(1, maxRequestsPerSecond));
        using var waitLimit = new CancellationTokenSource(maxWait, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, waitLimit.Token);
        RateLimitLease lease;
        try
        {
            lease = await limiter.AcquireAsync(1, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        if (lease.IsAcquired)
            return new Slot(lease, timeProvider);
        lease.Dispose();
        return null;
    }

    private ConcurrencyLimiter LimiterFor(string apiKey, int maxRequestsPerSecond)
    {
        // Keyed by a fingerprint so the registry never holds a key; a changed rate replaces the limiter
        // (the permits of the old one simply run out).
        var entry = _limiters.AddOrUpdate(ApiKeyProtector.Fingerprint(apiKey),
            _ => KeyLimiter.Create(maxRequestsPerSecond),
            (_, existing) => existing.Rate == maxRequestsPerSecond ? existing : KeyLimiter.Create(maxRequestsPerSecond));
        return entry.Limiter;
    }

    private sealed record KeyLimiter(int Rate, ConcurrencyLimiter Limiter)
    {
        public static KeyLimiter Create(int rate) => new(rate, new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = rate,
            QueueLimit = rate * MaxQueuedSeconds,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst
        }));
    }

    /// <summary>A permit in use; disposing it returns the permit one window (and the timer slack) later.</summary>
    private sealed class Slot(RateLimitLease lease, TimeProvider timeProvider) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
                _ = ReturnAfterWindowAsync();
        }

        private async Task ReturnAfterWindowAsync()
        {
            try
            {
                await Task.Delay(Window + TimerSlack, timeProvider);
            }
            finally
            {
                lease.Dispose();
            }
        }
    }
}
