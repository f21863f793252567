using System.Collections.Concurrent;
using Nop.Plugin.Misc.OrderTouchpoints.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// Order reads shared by the sends of one order event while they are out together: a checkout writes the event's rows for
/// every vendor at once, and re-reading the order is most of a send's CPU. Each send (and the dispatcher's erasure check)
/// sees the order as of the first read; once none is out the reads are dropped, so a retry or resend reads again.
/// </summary>
public sealed class OrderReads
{
    private readonly Dictionary<(int OrderId, int EventId, long SourceId), EventReads> _events = [];

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

        public async Task<T> GetOrReadAsync<T>(string read, int orderId, int languageId, Func<Task<T>> load) =>
            (T)(await _reads.GetOrAdd((read, orderId, languageId), _ => new(async () => await load())).Value)!;

        public void Dispose() => owner.Leave(this);
    }
}
