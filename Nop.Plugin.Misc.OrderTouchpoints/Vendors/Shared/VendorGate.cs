using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// A vendor API key named by the first 8 bytes of its SHA-256, so nothing that names a key holds it. <see cref="Name"/>
/// (in outbox rows) and <see cref="Hash"/> (in web-farm leases) are those bytes, as earlier versions wrote them.
/// </summary>
public readonly record struct VendorKey(TouchpointVendor Vendor, long Hash)
{
    public static VendorKey Of(TouchpointVendor vendor, string apiKey) =>
        new(vendor, BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey))));

    // The 8 bytes in hash order, as hexadecimal.
    public string Name => $"{(int)Vendor}:{BinaryPrimitives.ReverseEndianness(Hash):X16}";

    public override string ToString() => Name;
}

/// <summary>An ended pause: the connection test for <see cref="StoreId"/> decides if sending with the key resumes.</summary>
public sealed record VendorProbe(VendorKey Key, int StoreId);

/// <summary>What the gate let through: the vendor's answer, or why nothing was sent (an uncounted attempt).</summary>
public sealed record GatePassage(HttpResponseMessage? Answer, DeliveryOutcome? HeldBack);

/// <summary>
/// Per vendor API key, passed once by every request: the web-farm lease (one node sends with a key, so its circuit and rate
/// limit see every request), rate limit, circuit breaker and attempt timeout; retries are durable, in the outbox. While a
/// circuit is open, deliveries are parked under the key at no attempt's cost. The first answer after a pause or after vendor
/// trouble releases every delivery waiting for the key: an outage right after healthy traffic may never open the circuit.
/// </summary>
public sealed class VendorGate(IServiceScopeFactory scopeFactory, TimeProvider timeProvider) : IVendorSendingStates
{
    /// <summary>
    /// The pause after repeated failures and each failed probe. Short: an outage that ends by request count advances one probe
    /// per pause (with 30 s, 8 failing requests took 4 minutes), and one request per 10 s is nothing to a vendor that is down.
    /// </summary>
    public static readonly TimeSpan PauseDuration = TimeSpan.FromSeconds(10);

    /// <summary>Renewed at half time: a round trip every few seconds; a dead node loses the lease within this time.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan HeldBackRetryAfter = TimeSpan.FromSeconds(2);

    // One second of the vendor's wall clock: timers run on a coarse monotonic tick and can fire a few milliseconds early.
    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(25);

    private readonly Guid _nodeId = Guid.NewGuid();
    private readonly ConcurrentDictionary<string, KeyState> _keys = new();

    /// <summary>
    /// Held back (nothing sent) when another node holds the key, no rate-limit slot comes in time or the circuit is open; a
    /// timeout is a <see cref="TimeoutRejectedException"/>. <paramref name="storeId"/>: where a probe runs (null: no delivery).
    /// </summary>
    public async Task<GatePassage> SendAsync(VendorKey key, int? storeId, TimeSpan attemptTimeout, int? maxRequestsPerSecond,
        Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken, bool connectionTest = false)
    {
        var state = _keys.GetOrAdd(key.Name, _ => NewKeyState(key));
        // A connection test is waited for: on a node that does not hold the key, "held back" would only read as a failure.
        if (!connectionTest && !await HoldLeaseAsync(state, cancellationToken))
            return HeldBack("Held back: another node of the web farm is sending with this API key; sent again shortly.", HeldBackRetryAfter);
        var rateLimit = maxRequestsPerSecond is { } rate ? RateLimitOf(state, Math.Max(1, rate)) : null;
        // The wait for a slot is bounded by real time, like the window it waits for, and does not eat the attempt timeout.
        if (rateLimit is not null && !await rateLimit.WaitAsync(attemptTimeout, cancellationToken))
            return HeldBack($"Held back by the rate limit of {maxRequestsPerSecond} requests/s for this API key; sent again shortly.", HeldBackRetryAfter);
        try
        {
            return await ThroughCircuitAsync(state, storeId, attemptTimeout, send, cancellationToken);
        }
        finally
        {
            if (rateLimit is not null)
                _ = ReturnAfterWindowAsync(rateLimit);
        }
    }

    private async Task<GatePassage> ThroughCircuitAsync(KeyState state, int? storeId, TimeSpan attemptTimeout,
        Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        HttpResponseMessage answer;
        try
        {
            answer = await state.Circuit.ExecuteAsync(async token =>
            {
                using var attempt = new CancellationTokenSource(attemptTimeout, timeProvider);
                using var limits = CancellationTokenSource.CreateLinkedTokenSource(token, attempt.Token);
                try
                {
                    return await send(limits.Token);
                }
                catch (OperationCanceledException) when (attempt.IsCancellationRequested && !token.IsCancellationRequested)
                {
                    throw new TimeoutRejectedException($"No answer within {attemptTimeout.TotalSeconds:0.#} s.", attemptTimeout);
                }
            }, cancellationToken);
        }
        catch (BrokenCircuitException ex)
        {
            return HeldBack("Paused: half or more of the last 30 s of requests failed; sending resumes automatically when the vendor answers again.",
                ex.RetryAfter, state.Key.Name);
        }
        catch (Exception ex) when (IsTrouble(ex, cancellationToken))
        {
            Troubled(state, storeId);
            throw;
        }
        if (IsTrouble(answer))
            Troubled(state, storeId);
        else if (Answered(state, answer.StatusCode != HttpStatusCode.TooManyRequests))
            await ReleaseAsync(state.Key);
        return new GatePassage(answer, null);
    }

    private static GatePassage HeldBack(string reason, TimeSpan? retryAfter, string? parkUnder = null) =>
        new(null, DeliveryOutcome.HeldBackLocally(reason, retryAfter, parkUnder));

    // A circuit failure: no connection, no answer in time, a 5xx; not the caller's cancellation. Not 429: the vendor is up and
    // each delivery returns after its Retry-After, while a pause would hold every delivery back a whole break.
    private static bool IsTrouble(Exception exception, CancellationToken cancellationToken) =>
        exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested;

    private static bool IsTrouble(HttpResponseMessage answer) => (int)answer.StatusCode >= 500;

    private static void Troubled(KeyState state, int? storeId)
    {
        lock (state)
        {
            state.Troubled = true;
            state.ProbeStoreId = storeId ?? state.ProbeStoreId;
        }
    }

    /// <summary>True when the key's waiting deliveries are to be released; a 429 is no answer to trouble.</summary>
    private static bool Answered(KeyState state, bool answersTrouble)
    {
        lock (state)
        {
            var resumed = state.PauseEndsOnUtc is not null && state.CircuitState.CircuitState == CircuitState.Closed;
            if (resumed)
                state.PauseEndsOnUtc = null;
            var answeredAfterTrouble = answersTrouble && state.Troubled;
            if (answeredAfterTrouble || resumed)
                state.Troubled = false;
            return resumed || (answeredAfterTrouble && state.PauseEndsOnUtc is null);
        }
    }

    private async Task ReleaseAsync(VendorKey key)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            if (scope.ServiceProvider.GetService<IDeliveryOutbox>() is { } outbox)
                await outbox.ReleasePausedAsync(key.Name, CancellationToken.None);
            scope.ServiceProvider.GetService<DeliverySignal>()?.Raise();
        }
        catch (Exception)
        {
            // The rows stay parked until their backstop (minutes): late, never lost.
        }
    }

    /// <summary>
    /// True until the circuit closes, even after a pause with no store to probe was dropped: released deliveries would only be
    /// turned away until the trial request answers.
    /// </summary>
    public bool IsPaused(string keyName)
    {
        if (!_keys.TryGetValue(keyName, out var state))
            return false;
        lock (state)
            return state.PauseEndsOnUtc is not null || state.CircuitState.CircuitState != CircuitState.Closed;
    }

    public DateTime? NextProbeOnUtc => _keys.Values.Min(state =>
    {
        lock (state)
            return state.ProbeSent ? null : state.PauseEndsOnUtc;
    });

    /// <summary>Marks each sent. A pause with no store to test from is dropped: the next delivery is the trial call.</summary>
    public IReadOnlyList<VendorProbe> TakeDueProbes(int max)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var probes = new List<VendorProbe>();
        foreach (var state in _keys.Values.TakeWhile(_ => probes.Count < max))
        {
            lock (state)
            {
                if (state.ProbeSent || state.PauseEndsOnUtc is not { } due || due > now)
                    continue;
                if (state.ProbeStoreId is { } store)
                    probes.Add(new VendorProbe(state.Key, store));
                else
                    state.PauseEndsOnUtc = null;
                state.ProbeSent = true;
            }
        }
        return probes;
    }

    /// <summary>
    /// A pause's probe is the connection test, which reaches no customer: an unanswered delivery would be an unknown outcome,
    /// and each pause of a long outage would fail one for a person to check. A test that could not be made drops the pause.
    /// </summary>
    public async Task ProbeAsync(VendorProbe probe, TimeSpan timeLimit)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            if (scope.ServiceProvider.GetTouchpointChannel(probe.Key.Vendor) is { } channel)
            {
                using var limit = new CancellationTokenSource(timeLimit, timeProvider);
                await channel.TestConnectionAsync(probe.StoreId, limit.Token);
            }
        }
        catch (Exception)
        {
            // The test could not be made: the pause is dropped below.
        }
        finally
        {
            var state = _keys[probe.Key.Name];
            lock (state)
            {
                if (state.ProbeSent)
                    state.PauseEndsOnUtc = null;
            }
        }
    }

    public VendorSendingState StateOf(TouchpointVendor vendor)
    {
        var states = _keys.Values.Where(s => s.Key.Vendor == vendor).Select(s => s.CircuitState.CircuitState).ToList();
        if (states.Any(s => s is CircuitState.Open or CircuitState.Isolated))
            return VendorSendingState.Paused;
        return states.Contains(CircuitState.HalfOpen) ? VendorSendingState.Probing : VendorSendingState.Sending;
    }

    private async Task<bool> HoldLeaseAsync(KeyState state, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (state.LeaseEndsOnUtc - now > LeaseDuration / 2)
            return true;
        await using var scope = scopeFactory.CreateAsyncScope();
        var held = await scope.ServiceProvider.GetRequiredService<IVendorLeaseStore>()
            .TryHoldAsync((int)state.Key.Vendor, state.Key.Hash, _nodeId, now, now + LeaseDuration, cancellationToken);
        state.LeaseEndsOnUtc = held ? now + LeaseDuration : DateTime.MinValue;
        return held;
    }

    // A changed rate replaces the limit; the permits of the old one simply run out.
    private static SemaphoreSlim RateLimitOf(KeyState state, int perSecond)
    {
        lock (state)
        {
            if (state.RateLimit?.PerSecond != perSecond)
                state.RateLimit = (perSecond, new SemaphoreSlim(perSecond, perSecond));
            return state.RateLimit.Value.Slots;
        }
    }

    // A permit goes back one second after its request ended, not per window: window limiters let 2×N requests into one second
    // across a window's edge. So two requests on one permit reach the vendor at least a second apart, whatever the network
    // does; the price is N per (1 s + answer time). Real time, as the vendor counts it.
    private static async Task ReturnAfterWindowAsync(SemaphoreSlim rateLimit)
    {
        await Task.Delay(RateWindow);
        rateLimit.Release();
    }

    private KeyState NewKeyState(VendorKey key)
    {
        var state = new KeyState(key);
        state.Circuit = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = PauseDuration,
                StateProvider = state.CircuitState,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } exception
                    ? IsTrouble(exception, args.Context.CancellationToken)
                    : IsTrouble(args.Outcome.Result!)),
                OnOpened = args =>
                {
                    lock (state)
                    {
                        state.PauseEndsOnUtc = timeProvider.GetUtcNow().UtcDateTime + args.BreakDuration;
                        state.ProbeSent = false;
                    }
                    return default;
                }
            })
            .Build();
        return state;
    }

    /// <summary>One key's state; its fields are read and written under a lock of the object.</summary>
    private sealed class KeyState(VendorKey key)
    {
        public readonly VendorKey Key = key;
        // A state provider serves one circuit breaker only: each key's own.
        public readonly CircuitBreakerStateProvider CircuitState = new();
        public ResiliencePipeline<HttpResponseMessage> Circuit = ResiliencePipeline<HttpResponseMessage>.Empty;
        public DateTime? PauseEndsOnUtc;
        public bool ProbeSent;
        // The store whose connection test probes the key: that of the latest delivery that met trouble with it.
        public int? ProbeStoreId;
        public bool Troubled;
        public DateTime LeaseEndsOnUtc;
        public (int PerSecond, SemaphoreSlim Slots)? RateLimit;
    }
}
