using LinqToDB;
using Nop.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// Leases as rows: a conditional UPDATE takes an expired lease or renews one's own, and a key's first lease is an INSERT the
/// unique (VendorId, KeyHash) index lets one node make. Times move onto the database's clock, so a node whose clock runs
/// ahead does not take a running lease.
/// </summary>
public class DbVendorLeaseStore(IRepository<OrderTouchpointVendorLease> repository, INopDataProvider? dataProvider = null,
    DatabaseClock? databaseClock = null) : IVendorLeaseStore
{
    public async Task<bool> TryHoldAsync(int vendorId, long keyHash, Guid holderId, DateTime nowUtc, DateTime untilUtc, CancellationToken cancellationToken)
    {
        if (databaseClock is not null && dataProvider is not null)
        {
            var shift = await databaseClock.OffsetAsync(dataProvider, cancellationToken);
            (nowUtc, untilUtc) = (nowUtc + shift, untilUtc + shift);
        }
        var affected = await repository.Table
            .Where(l => l.VendorId == vendorId && l.KeyHash == keyHash && (l.HolderId == holderId || l.ExpiresOnUtc <= nowUtc))
            .Set(l => l.HolderId, holderId)
            .Set(l => l.ExpiresOnUtc, untilUtc)
            .UpdateAsync(cancellationToken);
        if (affected > 0)
            return true;
        if (await repository.Table.AnyAsync(l => l.VendorId == vendorId && l.KeyHash == keyHash))
            return false;
        try
        {
            await repository.InsertAsync(new OrderTouchpointVendorLease { VendorId = vendorId, KeyHash = keyHash, HolderId = holderId, ExpiresOnUtc = untilUtc },
                publishEvent: false);
            return true;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Another node inserted the key's first lease at the same moment: it holds it.
            return false;
        }
    }
}
