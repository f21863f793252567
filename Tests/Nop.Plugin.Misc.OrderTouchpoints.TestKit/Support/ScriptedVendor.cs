using System.Collections.Concurrent;
using System.Text.Json;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>One request the scripted vendor answered: for which order (0: a connection test), at what (manual) time, with what status.</summary>
public sealed record VendorExchange(int OrderId, int Attempt, DateTime ReceivedOnUtc, int Status);

/// <summary>
/// The vendor behind <see cref="LoopbackTouchpointChannel"/>: checks each request against the channel's
/// contract, answers as <see cref="Answer"/> decides (given the order id and the manual clock) and counts,
/// per order, the requests it accepted — "delivered exactly once" is judged from this side of the wire.
/// </summary>
public sealed class ScriptedVendor : IAsyncDisposable
{
    private static readonly string[] ContractKeys = ["attempt", "event", "orderId", "storeId"];

    private readonly ManualTimeProvider _time;
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ScriptedVendor(ManualTimeProvider time) => _time = time;

    public FakeVendorServer Server { get; private set; } = null!;

    /// <summary>Decides the answer; the default accepts everything.</summary>
    public Func<int, DateTime, FakeResponse> Answer { get; set; } = (_, _) => new FakeResponse(202, "{}");

    public ConcurrentQueue<VendorExchange> Exchanges { get; } = new();

    /// <summary>
    /// Completes when the first request arrived and its exchange is in <see cref="Exchanges"/>, before the answer (and its
    /// <see cref="FakeResponse.Delay"/>) goes out; an <see cref="Answer"/> that blocks holds it back too.
    /// </summary>
    public Task FirstRequest => _firstRequest.Task;

    public static async Task<ScriptedVendor> StartAsync(ManualTimeProvider time)
    {
        var vendor = new ScriptedVendor(time);
        vendor.Server = await FakeVendorServer.StartAsync(vendor.Respond);
        return vendor;
    }

    public IReadOnlyDictionary<int, int> AcceptedPerOrder() =>
        Exchanges.Where(e => e.OrderId > 0 && e.Status is >= 200 and < 300).GroupBy(e => e.OrderId).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The requests that carried a delivery (not a connection test).</summary>
    public IReadOnlyList<VendorExchange> Deliveries => Exchanges.Where(e => e.OrderId > 0).ToList();

    public IReadOnlyList<VendorExchange> ExchangesOf(int orderId) =>
        Exchanges.Where(e => e.OrderId == orderId).OrderBy(e => e.ReceivedOnUtc).ThenBy(e => e.Attempt).ToList();

    private FakeResponse Respond(RecordedRequest request)
    {
        // A test that moves the clock or cuts the send once FirstRequest completed must find the exchange recorded, with
        // the time it arrived at.
        try
        {
            var orderId = CheckContract(request);
            var now = _time.UtcNow;
            var response = Answer(orderId, now);
            var attempt = orderId > 0 ? request.Json.GetProperty("attempt").GetInt32() : 0;
            Exchanges.Enqueue(new VendorExchange(orderId, attempt, now, response.Delay is null && !response.HangUp ? response.Status : 0));
            return response;
        }
        finally
        {
            _firstRequest.TrySetResult();
        }
    }

    private int CheckContract(RecordedRequest request)
    {
        if (request.Method != "POST" || request.Path != LoopbackTouchpointChannel.Path || request.Query != "")
            Server.Violation($"unexpected {request.Method} {request.Path}{request.Query}");
        if (request.Header("X-Api-Key") != LoopbackTouchpointChannel.ApiKey)
            Server.Violation("missing or wrong X-Api-Key");
        if (request.Header("Content-Type")?.StartsWith("application/json") != true)
            Server.Violation("body is not JSON");
        try
        {
            var json = request.Json;
            // The channel's connection test (also the probe of a pause): an empty object, which names no order.
            if (json.ValueKind == JsonValueKind.Object && !json.EnumerateObject().Any())
                return 0;
            var keys = json.EnumerateObject().Select(p => p.Name).Order().ToArray();
            if (!keys.SequenceEqual(ContractKeys))
                Server.Violation($"keys {string.Join(",", keys)}");
            if (json.GetProperty("storeId").ValueKind != JsonValueKind.Number || json.GetProperty("attempt").ValueKind != JsonValueKind.Number
                || !Enum.TryParse<TouchpointEvent>(json.GetProperty("event").GetString(), out _))
                Server.Violation("wrong value types");
            return json.GetProperty("orderId").GetInt32();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            Server.Violation($"unreadable body: {ex.GetType().Name}");
            return 0;
        }
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
