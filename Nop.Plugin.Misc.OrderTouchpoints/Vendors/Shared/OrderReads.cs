using System.Collections.Concurrent;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// The order reads that the sends of one claim share. A checkout writes its order's rows for every vendor in one
/// statement, so they fall due and are claimed together, and re-reading an order through nopCommerce's services is most
/// of a send's CPU. It lives as long as its claim's sends, which start together: each sees the order as of that moment,
/// as if it had read it itself, and a later event or a resend is a later claim that reads again. The dispatcher's
/// send-time erasure check is one of these reads.
/// </summary>
public sealed class OrderReads
{
    private readonly ConcurrentDictionary<(string Read, int OrderId, int LanguageId), Lazy<Task<object?>>> _reads = new();

    /// <summary>The first caller's <paramref name="load"/> of the <paramref name="read"/> of the order; later callers await it.</summary>
    public async Task<T> GetOrReadAsync<T>(string read, int orderId, int languageId, Func<Task<T>> load) =>
        (T)(await _reads.GetOrAdd((read, orderId, languageId), _ => new(async () => await load())).Value)!;
}
