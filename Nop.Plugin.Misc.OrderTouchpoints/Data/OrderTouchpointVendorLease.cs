using Nop.Core;

namespace Nop.Plugin.Misc.OrderTouchpoints.Data;

/// <summary>
/// The right to send for one vendor API key, held by one node of a web farm at a time for a short lease
/// that its holder renews while it sends. Whoever holds it sends for the key, so the key's rate limit and its
/// pause and probe (kept by the holder) count every request of the farm, not one node's.
/// </summary>
public class OrderTouchpointVendorLease : BaseEntity
{
    public int VendorId { get; set; }

    /// <summary>The first 8 bytes of the key's SHA-256 (never the key), a number so every provider can index it.</summary>
    public long KeyHash { get; set; }

    /// <summary>The process holding the lease (a new id each time a node starts).</summary>
    public Guid HolderId { get; set; }

    public DateTime ExpiresOnUtc { get; set; }
}
