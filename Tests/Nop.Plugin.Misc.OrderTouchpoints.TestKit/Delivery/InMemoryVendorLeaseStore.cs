namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>The vendor-key leases in process memory, with the rules of <see cref="DbVendorLeaseStore"/>; shared by "nodes" in tests.</summary>
public sealed class InMemoryVendorLeaseStore : IVendorLeaseStore
{
    private readonly object _gate = new();
    private readonly Dictionary<(int VendorId, long KeyHash), (Guid Holder, DateTime Until)> _leases = [];

    public Task<bool> TryHoldAsync(int vendorId, long keyHash, Guid holderId, DateTime nowUtc, DateTime untilUtc, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_leases.TryGetValue((vendorId, keyHash), out var lease) && lease.Holder != holderId && lease.Until > nowUtc)
                return Task.FromResult(false);
            _leases[(vendorId, keyHash)] = (holderId, untilUtc);
            return Task.FromResult(true);
        }
    }
}
