using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The vendor keys whose sending is paused because the vendor failed repeatedly (a singleton, fed by the
/// circuit breakers of <see cref="VendorResiliencePipelines"/>). Deliveries held back by a pause are parked
/// in the outbox under the key, costing no attempt. When a pause ends the dispatcher probes the vendor with a
/// request that reaches no customer (the connection test of a store that sends with the key); when the vendor
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
    // Which vendor and store a key's probe runs for: the store of the latest delivery that met trouble with the key.
    private readonly Dictionary<string, (TouchpointVendor Vendor, int StoreId)> _probeTargets = [];

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

    /// <summary>
    /// A request made with the key met vendor trouble: its delivery waits under the key on the retry schedule. A
    /// delivery's store (null for a connection test) is where a later probe of the key runs its connection test.
    /// </summary>
    public void Troubled(string key, TouchpointVendor vendor, int? storeId)
    {
        lock (_gate)
        {
            _troubled.Add(key);
            if (storeId is { } store)
                _probeTargets[key] = (vendor, store);
        }
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

    /// <summary>
    /// Up to <paramref name="max"/> pauses that have ended and whose probe is not yet sent; each is marked sent. A pause
    /// with no known store to test from is dropped: the next delivery made with the key is then the circuit's trial call.
    /// </summary>
    public IReadOnlyList<VendorProbe> TakeDueProbes(int max)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            var probes = new List<VendorProbe>();
            foreach (var key in _pauses.Where(p => !p.Value.ProbeSent && p.Value.EndsOnUtc <= now).Select(p => p.Key).ToList())
            {
                if (probes.Count >= max)
                    break;
                if (!_probeTargets.TryGetValue(key, out var target))
                {
                    _pauses.Remove(key);
                    continue;
                }
                _pauses[key].ProbeSent = true;
                probes.Add(new VendorProbe(key, target.Vendor, target.StoreId));
            }
            return probes;
        }
    }

    /// <summary>
    /// A probe ended without the circuit deciding (the connection test could not be made): the pause is dropped, and
    /// the next delivery made with the key is the circuit's trial call.
    /// </summary>
    public void ProbeEnded(string key)
    {
        lock (_gate)
        {
            if (_pauses.TryGetValue(key, out var pause) && pause.ProbeSent)
                _pauses.Remove(key);
        }
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

/// <summary>A pause that has ended: the vendor's connection test for <see cref="StoreId"/> decides whether sending with <see cref="Key"/> resumes.</summary>
public sealed record VendorProbe(string Key, TouchpointVendor Vendor, int StoreId);
