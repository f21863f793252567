using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The vendor keys whose sending is paused because the vendor failed repeatedly (a singleton, fed by the
/// circuit breakers of <see cref="VendorResiliencePipelines"/>). Deliveries held back by a pause are parked
/// in the outbox under the key, costing no attempt. When a pause ends the dispatcher probes the vendor with a
/// request that reaches no customer (the connection test) before it sends one parked delivery; when the vendor
/// answers it, the key's parked deliveries become due at once.
/// The same holds without a pause: deliveries that wait on the retry schedule after vendor trouble (5xx, no
/// answer, no connection) become due as soon as the vendor answers any request made with the key. An outage
/// right after healthy traffic may never open the circuit (the healthy calls keep the failure ratio low), and
/// the backlog would otherwise wait for its schedule steps although the vendor is back.
/// </summary>
public sealed class VendorPauses(TimeProvider timeProvider)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Pause> _pauses = [];
    private readonly HashSet<string> _resumed = [];
    private readonly HashSet<string> _troubled = [];

    private sealed class Pause(DateTime endsOnUtc)
    {
        public DateTime EndsOnUtc { get; } = endsOnUtc;

        public bool ProbeSent { get; set; }
    }

    /// <summary>Names a vendor key in the outbox and in memory without holding the key itself.</summary>
    public static string KeyOf(TouchpointVendor vendor, string apiKey) => $"{(int)vendor}:{ApiKeyProtector.Fingerprint(apiKey)}";

    /// <summary>Sending to the key stopped for <paramref name="duration"/> (again, when a probe failed).</summary>
    public void Paused(string key, TimeSpan duration)
    {
        lock (_gate)
        {
            _pauses[key] = new Pause(timeProvider.GetUtcNow().UtcDateTime + duration);
            _resumed.Remove(key);
        }
    }

    /// <summary>The vendor answered again: the key's parked deliveries are to be released.</summary>
    public void Resumed(string key)
    {
        lock (_gate)
        {
            _troubled.Remove(key);
            if (_pauses.Remove(key))
                _resumed.Add(key);
        }
    }

    /// <summary>A request made with the key met vendor trouble: its delivery waits under the key on the retry schedule.</summary>
    public void Troubled(string key)
    {
        lock (_gate)
            _troubled.Add(key);
    }

    /// <summary>The vendor answered a request made with the key: if it was in trouble, the key's waiting deliveries are to be released.</summary>
    public void Answered(string key)
    {
        lock (_gate)
        {
            if (_troubled.Remove(key) && !_pauses.ContainsKey(key))
                _resumed.Add(key);
        }
    }

    /// <summary>Keys resumed since the last call, each returned once.</summary>
    public IReadOnlyList<string> TakeResumed()
    {
        lock (_gate)
        {
            if (_resumed.Count == 0)
                return [];
            var keys = _resumed.ToList();
            _resumed.Clear();
            return keys;
        }
    }

    /// <summary>Up to <paramref name="max"/> keys whose pause has ended and whose probe is not yet sent; each is marked sent.</summary>
    public IReadOnlyList<string> TakeDueProbes(int max)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            var due = _pauses.Where(p => !p.Value.ProbeSent && p.Value.EndsOnUtc <= now).Take(max).Select(p => p.Key).ToList();
            foreach (var key in due)
                _pauses[key].ProbeSent = true;
            return due;
        }
    }

    /// <summary>Nothing was parked under the key: the next ordinary delivery probes the vendor.</summary>
    public void Forget(string key)
    {
        lock (_gate)
            _pauses.Remove(key);
    }

    /// <summary>Whether sending to the key is paused (a probe that failed paused it again).</summary>
    public bool IsPaused(string key)
    {
        lock (_gate)
            return _pauses.ContainsKey(key);
    }

    /// <summary>When the next probe is due; null when no pause waits for one.</summary>
    public DateTime? NextProbeOnUtc
    {
        get
        {
            lock (_gate)
                return _pauses.Values.Where(p => !p.ProbeSent).Select(p => (DateTime?)p.EndsOnUtc).Min();
        }
    }

    /// <summary>Whether a resumed key waits to have its parked deliveries released.</summary>
    public bool HasResumed
    {
        get
        {
            lock (_gate)
                return _resumed.Count > 0;
        }
    }
}
