using System.Collections.Concurrent;
using System.Net;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// One Polly pipeline per vendor and API key (a singleton): an attempt timeout inside a circuit breaker,
/// so a vendor that is down is not hammered while a backlog drains, and one store's bad key does not
/// open the circuit for another store's key. Retries are not here: they are durable, in the outbox.
/// The breaker's opening and closing are reported to <see cref="VendorPauses"/>: while it is open the
/// held-back deliveries are parked, and the dispatcher's probe (the connection test) is the first call after the
/// break (Polly lets exactly one through).
/// </summary>
public class VendorResiliencePipelines(TimeProvider timeProvider, VendorPauses pauses) : IVendorSendingStates
{
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long sending to a key pauses after it failed repeatedly, and again after each failed probe. An
    /// outage that ends by request count (the vendor recovers once it has answered enough requests) only
    /// advances by one probe per pause, and the sampling window may still hold the healthy calls from before
    /// the outage, so the circuit can open after only a few failures: with 30 s, an outage with 8 failed
    /// requests left took 4 minutes to reach its end (measured in the store). One request per 10 s is still
    /// nothing for a vendor that is down, and a recovered vendor waits at most 10 s for its backlog.
    /// </summary>
    public static readonly TimeSpan PauseDuration = TimeSpan.FromSeconds(10);

    private readonly ResiliencePipelineRegistry<string> _registry = new();
    private readonly ConcurrentDictionary<string, (TouchpointVendor Vendor, CircuitBreakerStateProvider State)> _circuits = new();

    public ResiliencePipeline<HttpResponseMessage> Get(TouchpointVendor vendor, string apiKey, TimeSpan? attemptTimeout = null)
    {
        var timeout = attemptTimeout ?? DefaultAttemptTimeout;
        var vendorKey = VendorPauses.KeyOf(vendor, apiKey);
        var key = $"{vendorKey}:{timeout.TotalMilliseconds}";
        return _registry.GetOrAddPipeline<HttpResponseMessage>(key, builder =>
        {
            builder.TimeProvider = timeProvider;
            builder
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 10,
                    SamplingDuration = TimeSpan.FromSeconds(30),
                    BreakDuration = PauseDuration,
                    StateProvider = NewStateProvider(key, vendor),
                    ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                        .Handle<HttpRequestException>()
                        .Handle<TimeoutRejectedException>()
                        .HandleResult(IsVendorTrouble),
                    OnOpened = args =>
                    {
                        pauses.Paused(vendorKey, args.BreakDuration);
                        return default;
                    },
                    OnClosed = _ =>
                    {
                        pauses.Resumed(vendorKey);
                        return default;
                    }
                })
                .AddTimeout(timeout);
        });
    }

    // A state provider serves one circuit breaker only: a fresh one per build, never a shared one that would throw.
    private CircuitBreakerStateProvider NewStateProvider(string key, TouchpointVendor vendor)
    {
        var provider = new CircuitBreakerStateProvider();
        _circuits[key] = (vendor, provider);
        return provider;
    }

    /// <summary>Paused while any of the vendor's keys has an open circuit, probing while one lets a trial request through.</summary>
    public VendorSendingState StateOf(TouchpointVendor vendor)
    {
        var states = _circuits.Values.Where(c => c.Vendor == vendor).Select(c => c.State.CircuitState).ToList();
        if (states.Any(s => s is CircuitState.Open or CircuitState.Isolated))
            return VendorSendingState.Paused;
        return states.Contains(CircuitState.HalfOpen) ? VendorSendingState.Probing : VendorSendingState.Sending;
    }

    // Not 429: a vendor that says "too many" is up, and each delivery comes back when its Retry-After says;
    // pausing the key would hold every delivery back a whole break instead.
    /// <summary>
    /// What a request made with the key met (the breaker's view: 5xx, no answer or no connection is trouble), so deliveries
    /// waiting after trouble are released when the vendor answers again. A 429 is neither: the vendor is up and asked to slow down.
    /// </summary>
    public void Observed(string vendorKey, bool vendorTrouble, TouchpointVendor vendor, int? storeId)
    {
        if (vendorTrouble)
            pauses.Troubled(vendorKey, vendor, storeId);
        else
            pauses.Answered(vendorKey);
    }

    public static bool IsVendorTrouble(HttpResponseMessage response) => (int)response.StatusCode >= 500;
}
