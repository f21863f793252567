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
/// held-back deliveries are parked, and the first call after the break (Polly lets exactly one through)
/// is the dispatcher's probe.
/// </summary>
public class VendorResiliencePipelines(TimeProvider timeProvider, VendorPauses pauses)
{
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(15);

    private readonly ResiliencePipelineRegistry<string> _registry = new();

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
                    BreakDuration = TimeSpan.FromSeconds(30),
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

    // Not 429: a vendor that says "too many" is up, and each delivery comes back when its Retry-After says;
    // pausing the key would hold every delivery back a whole break instead.
    private static bool IsVendorTrouble(HttpResponseMessage response) => (int)response.StatusCode >= 500;
}
