using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// This node's side of the vendor-key leases (a singleton): before a vendor is sent a delivery, the node
/// must hold the key's lease, so in a web farm one node at a time sends for a key and its in-process rate
/// limiter (Engage) and circuit breaker (pause and probe) see every request made with the key. A held lease is renewed in the
/// database when half of it has run out, so the check costs a database round trip every few seconds, not
/// per request; a node that dies loses its lease within <see cref="Duration"/>.
/// </summary>
public sealed class VendorSendLeases(IServiceScopeFactory scopeFactory, TimeProvider timeProvider)
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    /// <summary>When a delivery held back because another node holds the key's lease is tried again.</summary>
    public static readonly TimeSpan HeldBackRetryAfter = TimeSpan.FromSeconds(2);

    private readonly Guid _holderId = Guid.NewGuid();
    private readonly ConcurrentDictionary<(int VendorId, long KeyHash), DateTime> _held = new();

    public async Task<bool> TryHoldAsync(TouchpointVendor vendor, string apiKey, CancellationToken cancellationToken)
    {
        var key = ((int)vendor, KeyHash(apiKey));
        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (_held.TryGetValue(key, out var until) && until - now > Duration / 2)
            return true;

        await using var scope = scopeFactory.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IVendorLeaseStore>();
        if (await store.TryHoldAsync(key.Item1, key.Item2, _holderId, now, now + Duration, cancellationToken))
        {
            _held[key] = now + Duration;
            return true;
        }
        _held.TryRemove(key, out _);
        return false;
    }

    /// <summary>The first 8 bytes of the key's SHA-256 as a number: names the key in the database without holding it.</summary>
    public static long KeyHash(string apiKey) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)), 0);
}
