using System.Collections.Concurrent;
using System.Diagnostics;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Sandbox;

/// <summary>
/// How the fake vendors misbehave, and what must be true at the end. Every scenario also expects: no
/// contract violation, nothing failed, the order without email skipped for every vendor, every other
/// delivery delivered, and each vendor having accepted exactly as many deliveries as the outbox marks
/// delivered (none lost, none twice). <see cref="AnswersLost"/>: vendors whose delivery requests the scenario
/// leaves without an answer; a repeat of them would act twice, so those deliveries must fail with the
/// "check, then resend" reason and the vendor must have received each delivery request exactly once.
/// </summary>
public sealed record Scenario(
    string Name,
    string Description,
    int VoyadoRequestsPerSecond,
    Func<Stopwatch, Func<TouchpointVendor, RecordedRequest, FakeResponse?>> Misbehaviour,
    TouchpointVendor[] MustRetry,
    TouchpointVendor[]? AnswersLost = null);

public static class Scenarios
{
    public static readonly TimeSpan OutageLength = TimeSpan.FromSeconds(2);
    public const int FirstBurst = 20;
    // Declared before All, which reads it while being initialised.
    public static readonly (int From, int To) SecondBurst = (41, 55);
    public static readonly TimeSpan SlowAnswer = TimeSpan.FromMilliseconds(400);
    public static readonly TimeSpan HangingAnswer = TimeSpan.FromSeconds(5);

    public static readonly Scenario[] All =
    [
        new("healthy", "every vendor answers at once", 40, _ => (_, _) => null, []),
        new("outage", $"every vendor answers 503 for the first {OutageLength.TotalSeconds:0} s, then recovers; deliveries are retried", 40,
            clock => (_, _) => clock.Elapsed < OutageLength ? FakeResponse.Json(503, """{"error":"maintenance"}""") : null,
            [TouchpointVendor.Transactionale, TouchpointVendor.VtMarketing, TouchpointVendor.VoyadoEngage]),
        new("rate-limited", "Transactionale and VTmarketing answer 429 (Retry-After: 1) to the first request of each order; Voyado is limited to 10 requests/s and Engage answers 429 above that", 10,
            _ => RateLimited(10), [TouchpointVendor.Transactionale, TouchpointVendor.VtMarketing]),
        // A request that hangs past the attempt timeout may have arrived: Engage's contact lookup is a read and is
        // retried; Transactionale's post would mail the customer twice, so it fails for a person to check.
        new("slow", $"Transactionale and VTmarketing answer after {SlowAnswer.TotalMilliseconds:0} ms; Engage's first contact lookup per customer " +
                    $"and Transactionale's first request of each order hang {HangingAnswer.TotalSeconds:0} s (past the attempt timeout): " +
                    "the lookup is retried, Transactionale's delivery fails with what to check and is never sent twice", 40,
            _ => Slow(), [TouchpointVendor.VoyadoEngage], AnswersLost: [TouchpointVendor.Transactionale]),
        new("flaky", "every third request to each vendor gets a 500 or 502", 40, _ => Flaky(), []),
        new("bursts", $"each vendor answers 503 to its first {FirstBurst} requests and 502 to requests {SecondBurst.From}–{SecondBurst.To} " +
                      "(outages that end by request count, however long the plugin holds back), and 429 (Retry-After: 1) to every fourth request in between", 40,
            _ => Bursts(), [TouchpointVendor.Transactionale, TouchpointVendor.VtMarketing, TouchpointVendor.VoyadoEngage])
    ];

    public static IReadOnlySet<string> Names { get; } = All.Select(s => s.Name).ToHashSet();

    public static Scenario Named(string name) => All.Single(s => s.Name == name);

    private static Func<TouchpointVendor, RecordedRequest, FakeResponse?> RateLimited(int engageLimit)
    {
        var seen = new ConcurrentDictionary<string, byte>();
        var engageArrivals = new ConcurrentQueue<DateTimeOffset>();
        return (vendor, request) =>
        {
            if (vendor == TouchpointVendor.VoyadoEngage)
            {
                engageArrivals.Enqueue(request.ReceivedAt);
                var inLastSecond = engageArrivals.Count(t => request.ReceivedAt - t < TimeSpan.FromSeconds(1));
                return inLastSecond > engageLimit
                    ? new FakeResponse(429, """{"statusCode":429,"errorCode":"TooManyRequests","message":"Rate limit exceeded"}""")
                    : null;
            }
            return seen.TryAdd(vendor + request.Body, 0)
                ? new FakeResponse(429, """{"error":"too many requests"}""", new Dictionary<string, string> { ["Retry-After"] = "1" })
                : null;
        };
    }

    private static Func<TouchpointVendor, RecordedRequest, FakeResponse?> Slow()
    {
        var seen = new ConcurrentDictionary<string, byte>();
        return (vendor, request) =>
        {
            if (vendor == TouchpointVendor.Transactionale && seen.TryAdd(request.Body, 0))
                return new FakeResponse(200, "{}", Delay: HangingAnswer);
            // The client gives up long before: what the hanging lookup would have said is never read.
            if (vendor == TouchpointVendor.VoyadoEngage && request.Path == "/api/v2/contacts/id" && seen.TryAdd(request.Query, 0))
                return new FakeResponse(404, """{"errorCode":"ContactNotFound"}""", Delay: HangingAnswer);
            // A delayed null is not possible: answer as the vendor would, only later.
            return vendor == TouchpointVendor.VoyadoEngage ? null : new FakeResponse(200, "{}", Delay: SlowAnswer);
        };
    }

    private static Func<TouchpointVendor, RecordedRequest, FakeResponse?> Bursts()
    {
        var counts = new ConcurrentDictionary<TouchpointVendor, int>();
        return (vendor, _) =>
        {
            var n = counts.AddOrUpdate(vendor, 1, (_, c) => c + 1);
            if (n <= FirstBurst)
                return FakeResponse.Json(503, """{"error":"maintenance"}""");
            if (n >= SecondBurst.From && n <= SecondBurst.To)
                return FakeResponse.Json(502, """{"error":"bad gateway"}""");
            if (n % 4 != 0)
                return null;
            var body = vendor == TouchpointVendor.VoyadoEngage
                ? """{"statusCode":429,"errorCode":"TooManyRequests","message":"Rate limit exceeded"}"""
                : """{"error":"too many requests"}""";
            return new FakeResponse(429, body, new Dictionary<string, string> { ["Retry-After"] = "1" });
        };
    }

    private static Func<TouchpointVendor, RecordedRequest, FakeResponse?> Flaky()
    {
        var counts = new ConcurrentDictionary<TouchpointVendor, int>();
        return (vendor, _) =>
        {
            var n = counts.AddOrUpdate(vendor, 1, (_, c) => c + 1);
            return n % 3 == 0 ? FakeResponse.Json(n % 2 == 0 ? 500 : 502, """{"error":"upstream trouble"}""") : null;
        };
    }
}
