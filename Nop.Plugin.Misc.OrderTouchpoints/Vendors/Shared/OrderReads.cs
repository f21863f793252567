using System.Collections.Concurrent;
using Nop.Plugin.Misc.OrderTouchpoints.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// The order reads that the sends of one order event share while they are out together. A checkout writes the event's rows
/// for every vendor in one statement, so they fall due together, and re-reading an order through nopCommerce's services is
/// most of a send's CPU. The rows need not share a claim (a busy drain claims them one by one as send slots free up): each
/// send sees the order as of the first read of those out with it, as if it had read it itself. Once none is out the reads
/// are dropped, so a later send (a retry, a resend) reads again, and a later event is another key. The dispatcher's
/// send-time erasure check is one of these reads.
/// </summary>
public sealed class OrderReads
{
    private readonly Dictionary<(int OrderId, int EventId, long SourceId), EventReads> _events = [];

    /// <summary>The shared reads of <paramref name="row"/>'s event for one send, until the send disposes them.</summary>
    public EventReads Join(OrderTouchpointDelivery row)
    {
        var key = (row.OrderId, row.EventId, row.EventSourceId);
        lock (_events)
        {
            if (!_events.TryGetValue(key, out var reads))
                _events[key] = reads = new EventReads(this, key);
            reads.Holders++;
            return reads;
        }
    }

    private void Leave(EventReads reads)
    {
        lock (_events)
        {
            if (--reads.Holders == 0)
                _events.Remove(reads.Key);
        }
    }

    /// <summary>One order event's reads; each send that joined them disposes them once.</summary>
    public sealed class EventReads(OrderReads owner, (int OrderId, int EventId, long SourceId) key) : IDisposable
    {
        private readonly ConcurrentDictionary<(string Read, int OrderId, int LanguageId), Lazy<Task<object?>>> _reads = new();

        internal (int OrderId, int EventId, long SourceId) Key => key;

        internal int Holders { get; set; }

        /// <summary>The first caller's <paramref name="load"/> of the <paramref name="read"/> of the order; later callers await it.</summary>
        public async Task<T> GetOrReadAsync<T>(string read, int orderId, int languageId, Func<Task<T>> load) =>
            (T)(await _reads.GetOrAdd((read, orderId, languageId), _ => new(async () => await load())).Value)!;

        public void Dispose() => owner.Leave(this);
    }
}
