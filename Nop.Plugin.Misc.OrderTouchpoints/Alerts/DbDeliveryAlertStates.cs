using LinqToDB;
using Nop.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Alerts;

/// <summary>
/// The alert states in the store's database: a change is one conditional UPDATE on the (store, vendor) row, which the database
/// re-checks under the row lock, so of two nodes that saw the same state exactly one sees "1 row affected". A store and
/// vendor never alerted before has no row: its first alert is an INSERT that the unique (StoreId, VendorId) index lets only
/// one node make.
/// </summary>
public class DbDeliveryAlertStates(IRepository<OrderTouchpointAlertState> repository) : IDeliveryAlertStates
{
    public async Task<IReadOnlyDictionary<TouchpointVendor, DateTime>> GetAlertedOnUtcAsync(int storeId, CancellationToken cancellationToken) =>
        (await repository.Table.Where(s => s.StoreId == storeId && s.AlertedOnUtc != null)
            .Select(s => new { s.VendorId, s.AlertedOnUtc }).ToListAsync())
        .ToDictionary(s => (TouchpointVendor)s.VendorId, s => DateTime.SpecifyKind(s.AlertedOnUtc!.Value, DateTimeKind.Utc));

    public async Task<bool> TryChangeAsync(int storeId, TouchpointVendor vendor, DateTime? seen, DateTime? next, CancellationToken cancellationToken)
    {
        var vendorId = (int)vendor;
        (seen, next) = (WholeMicroseconds(seen), WholeMicroseconds(next));
        var row = repository.Table.Where(s => s.StoreId == storeId && s.VendorId == vendorId);
        // Spelled out rather than "AlertedOnUtc == seen": a null must be IS NULL on every provider, whatever linq2db's null comparison setting.
        var unchanged = seen is { } was ? row.Where(s => s.AlertedOnUtc == was) : row.Where(s => s.AlertedOnUtc == null);
        if (await unchanged.Set(s => s.AlertedOnUtc, next).UpdateAsync(cancellationToken) > 0)
            return true;
        if (seen is not null || next is null || await repository.Table.AnyAsync(s => s.StoreId == storeId && s.VendorId == vendorId))
            return false;
        try
        {
            await repository.InsertAsync(new OrderTouchpointAlertState { StoreId = storeId, VendorId = vendorId, AlertedOnUtc = next }, publishEvent: false);
            return true;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Another node inserted the first alert of this store and vendor at the same moment: its email goes out.
            return false;
        }
    }

    // The column keeps microseconds and providers differ in whether finer digits are rounded or cut: a time this node sets and
    // compares again later (an alert given back) must be exactly the one stored.
    private static DateTime? WholeMicroseconds(DateTime? utc) => utc is { } at ? new DateTime(at.Ticks - at.Ticks % 10, DateTimeKind.Utc) : null;
}
