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
/// The one identity of a vendor API key: the vendor and the first 8 bytes of the key's SHA-256, so nothing that names a
/// key holds it. <see cref="Name"/> is what the outbox stores for rows waiting for the key, <see cref="Hash"/> what the
/// web-farm lease table stores; both are those same 8 bytes, so rows and leases written by earlier versions still match.
/// </summary>
public readonly record struct VendorKey(TouchpointVendor Vendor, long Hash)
{
    public static VendorKey Of(TouchpointVendor vendor, string apiKey) =>
        new(vendor, BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey))));

    // The 8 bytes in hash order, as hexadecimal.
    public string Name => $"{(int)Vendor}:{BinaryPrimitives.ReverseEndianness(Hash):X16}";

    public override string ToString() => Name;
}

/// <summary>A pause that has ended: the vendor's connection test for <see cref="StoreId"/> decides whether sending with the key resumes.</summary>
public sealed record VendorProbe(VendorKey Key, int StoreId);

/// <summary>What the gate let through: the vendor's answer, or why nothing was sent (an uncounted attempt).</summary>
public sealed record GatePassage(HttpResponseMessage? Answer, DeliveryOutcome? HeldBack);

/// <summary>
/// Everything this process holds per vendor API key (a singleton), passed exactly once by every request to a vendor:
/// the key's web-farm lease (one node at a time sends with a key, so this node's circuit and rate limit see every
/// request made with it), its rate limit (Engage), its circuit breaker and the attempt timeout. Retries are not here:
/// they are durable, in the outbox.
/// After the key failed repeatedly its circuit opens: sending with it pauses, deliveries held back meanwhile are parked
/// in the outbox under the key (costing no attempt), and when the pause ends the gate probes the vendor with the
/// connection test of a store that sends with the key. The first answer after a pause or after vendor trouble (5xx, no
/// answer, no connection) releases every delivery waiting for the key at once: an outage right after healthy traffic may
/// never open the circuit, and its backlog would otherwise wait for its schedule steps although the vendor is back.
/// </summary>
public sealed class VendorGate(IServiceScopeFactory scopeFactory, TimeProvider timeProvider) : IVendorSendingStates
{
    /// <summary>
    /// How long sending to a key pauses after it failed repeatedly, and again after each failed probe. An
    /// outage that ends by request count (the vendor recovers once it has answered enough requests) only
    /// advances by one probe per pause, and the sampling window may still hold the healthy calls from before
    /// the outage, so the circuit can open after only a few failures: with 30 s, an outage with 8 failed
    /// requests left took 4 minutes to reach its end (measured in the store). One request per 10 s is still
    /// nothing for a vendor that is down, and a recovered vendor waits at most 10 s for its backlog.
    /// </summary>
    public static readonly TimeSpan PauseDuration = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a node holds a key's web-farm lease; renewed in the database when half of it has run out, so holding it
    /// costs a round trip every few seconds, not per request, and a node that dies loses it within this time.
    /// </summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(10);

    /// <summary>When a request held back by another node's lease or by the rate limit is tried again.</summary>
    public static readonly TimeSpan HeldBackRetryAfter = TimeSpan.FromSeconds(2);

    // One second of the vendor's wall clock: timers run on a coarse monotonic tick and can fire a few milliseconds early.
    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(25);

    private readonly Guid _nodeId = Guid.NewGuid();
    private readonly ConcurrentDictionary<string, KeyState> _keys = new();

    /// <summary>
    /// Sends one request with the key through its lease, rate limit (<paramref name="maxRequestsPerSecond"/>, none when null),
    /// circuit and <paramref name="attemptTimeout"/>. Held back (nothing was sent) when another node holds the key, no
    /// rate-limit slot comes within the attempt timeout, or the circuit is open; then <see cref="GatePassage.HeldBack"/> says
    /// why. A timeout is a <see cref="TimeoutRejectedException"/>; other failures are the request's own.
    /// <paramref name="storeId"/>: the store whose delivery this is (null for a request that carries none: a connection test,
    /// Engage's contact lookup), where a probe of the key runs.
    /// <paramref name="connectionTest"/>: a connection test (the owner's, or a pause's probe), which does not wait to hold the key.
    /// </summary>
    public async Task<GatePassage> SendAsync(VendorKey key, int? storeId, TimeSpan attemptTimeout, int? maxRequestsPerSecond,
        Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken, bool connectionTest = false)
    {
        var state = _keys.GetOrAdd(key.Name, _ => NewKeyState(key));
        // The key holder is there so that one node's circuit and rate limit see the key's deliveries. A connection test is a
        // single request someone waits for: on a node that does not hold the key it would only report "held back" as a failure.
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
            return HeldBack("Paused: the vendor failed repeatedly in the last minute; sending resumes automatically when it answers again.",
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

    // What the circuit counts as a failure: no connection, no answer in time, a 5xx. Not 429: a vendor that says "too many"
    // is up, and each delivery comes back when its Retry-After says; pausing the key would hold every delivery back a whole
    // break instead. Not the caller's own cancellation.
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

    /// <summary>The vendor answered without trouble (a 429 is no answer to trouble); true when the key's waiting deliveries are to be released.</summary>
    private static bool Answered(KeyState state, bool answersTrouble)
    {
        lock (state)
        {
            // The circuit closed (this was its trial request, a probe or a delivery): the pause is over.
            var resumed = state.PauseEndsOnUtc is not null && state.CircuitState.CircuitState == CircuitState.Closed;
            if (resumed)
                state.PauseEndsOnUtc = null;
            var answeredAfterTrouble = answersTrouble && state.Troubled;
            if (answeredAfterTrouble || resumed)
                state.Troubled = false;
            return resumed || (answeredAfterTrouble && state.PauseEndsOnUtc is null);
        }
    }

    /// <summary>Every delivery waiting for the key is due now, and the worker is woken for them. A failure leaves them to their backstop.</summary>
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
    /// Whether sending with the key is paused: its circuit opened and no answer has closed it since. Also after a pause with
    /// no store to probe from was dropped: until the trial request answers, the circuit turns every other request away, and
    /// releasing what it parked would only bring those requests straight back.
    /// </summary>
    public bool IsPaused(string keyName)
    {
        if (!_keys.TryGetValue(keyName, out var state))
            return false;
        lock (state)
            return state.PauseEndsOnUtc is not null || state.CircuitState.CircuitState != CircuitState.Closed;
    }

    /// <summary>When the next probe is due; null when no pause waits for one.</summary>
    public DateTime? NextProbeOnUtc => _keys.Values.Min(state =>
    {
        lock (state)
            return state.ProbeSent ? null : state.PauseEndsOnUtc;
    });

    /// <summary>
    /// Up to <paramref name="max"/> pauses that have ended and whose probe is not yet sent; each is marked sent. A pause
    /// with no known store to test from is dropped: the next delivery made with the key is then the circuit's trial call.
    /// </summary>
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
    /// The probe of a pause: the channel's connection test, which reaches no customer. Were it a delivery, a vendor that still
    /// does not answer would leave its outcome unknown, and with the unknown-outcome rule every pause of a long outage would
    /// fail one delivery for a person to check. The test passes this gate like any request made with the key: an answer closes
    /// the circuit (the key's parked deliveries are released), a failure opens it again. A test that could not be made drops
    /// the pause, and the next delivery made with the key is the circuit's trial call.
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

    /// <summary>Paused while any of the vendor's keys has an open circuit, probing while one lets a trial request through.</summary>
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

    /// <summary>
    /// A rate-limit permit goes back one second after its request ENDED, rather than per window as the fixed or sliding window
    /// limiters count: those can put a burst at the end of one window and another at the start of the next, 2×N requests within
    /// one second as the vendor sees it, and a slow first connection bunches arrivals further. A request reaches the vendor
    /// before its answer comes back, so two requests on the same permit always arrive at least one second apart: the vendor
    /// never sees more than N requests within any second, whatever the network does. The price: with slow answers the rate
    /// reached is N per (1 s + answer time), still close to N at usual latencies. Real time, as the vendor counts it, whatever
    /// clock the rest of the plugin runs on.
    /// </summary>
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
