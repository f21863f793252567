using System.Collections.Concurrent;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// What one attempt of one event read of its order, shared for a few seconds by the vendors sending that event at the same
/// time: a placed order goes to three vendors at once, and each re-read costs a store about as much CPU as all the rest of
/// its delivery (items, products, attribute combinations, names, redemptions, coupons through nopCommerce's services). The
/// key is the whole <see cref="DeliveryRequest"/>, attempt included, so a retry, a resend or a later event reads afresh.
/// One per process.
/// </summary>
public sealed class OrderReadMemo(TimeProvider timeProvider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    // An order's vendors are claimed together (their rows fall due at once), so what they share is read milliseconds apart:
    // past this many entries the older half goes, which bounds the memory a backlog drain holds to a few dozen orders.
    private const int MaxEntries = 256;

    private readonly ConcurrentDictionary<(string Part, DeliveryRequest Request, int Detail), Entry> _entries = new();

    /// <summary>The read of <paramref name="part"/> for <paramref name="request"/>: a running or finished one, else <paramref name="read"/>.</summary>
    public async Task<T> GetAsync<T>(string part, DeliveryRequest request, int detail, Func<Task<T>> read)
    {
        var key = (part, request, detail);
        var now = timeProvider.GetTimestamp();
        var entry = _entries.AddOrUpdate(key, _ => Start(read, now), (_, held) => timeProvider.GetElapsedTime(held.StartedAt) < Lifetime ? held : Start(read, now));
        if (_entries.Count > MaxEntries)
            Prune();
        try
        {
            return (T)(await entry.Read.Value)!;
        }
        catch
        {
            // A read that failed is not shared: the next delivery tries again.
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    private static Entry Start<T>(Func<Task<T>> read, long now) => new(now, new Lazy<Task<object?>>(async () => await read()));

    private void Prune()
    {
        var excess = _entries.Count - MaxEntries / 2;
        foreach (var (key, entry) in _entries.OrderBy(e => e.Value.StartedAt).ToList())
        {
            if (excess-- <= 0 && timeProvider.GetElapsedTime(entry.StartedAt) < Lifetime)
                break;
            _entries.TryRemove(KeyValuePair.Create(key, entry));
        }
    }

    private sealed record Entry(long StartedAt, Lazy<Task<object?>> Read);
}
