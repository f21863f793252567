namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>Where the vendor-key leases live: the store's database, the one thing every web-farm node shares.</summary>
public interface IVendorLeaseStore
{
    /// <summary>
    /// Takes or renews the lease of (vendor, key) for <paramref name="holderId"/> until <paramref name="untilUtc"/>
    /// when it is free, expired or already this holder's; false when another holder's lease is still running.
    /// </summary>
    Task<bool> TryHoldAsync(int vendorId, long keyHash, Guid holderId, DateTime nowUtc, DateTime untilUtc, CancellationToken cancellationToken);
}
