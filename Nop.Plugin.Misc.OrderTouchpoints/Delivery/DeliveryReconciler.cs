using Nop.Services.Orders;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// Queues the placed-order deliveries missing for orders of the last 24 hours — orders whose event was
/// missed (an admin-created order, a crash between the order and the outbox write). Never reaches back
/// before the vendor was enabled for the store: switching a vendor on must not mail yesterday's customers.
/// </summary>
public class DeliveryReconciler(
    IStoreService storeService,
    IOrderService orderService,
    IEnumerable<ITouchpointChannel> channels,
    VendorEnablement enablement,
    IDeliveryOutbox outbox,
    TimeProvider timeProvider)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);
    private const int PageSize = 500;

    /// <summary>Returns how many deliveries were queued.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var windowStart = timeProvider.GetUtcNow().UtcDateTime - Window;
        var queued = 0;
        foreach (var store in await storeService.GetAllStoresAsync())
        {
            foreach (var channel in channels)
            {
                if (!await channel.IsActiveForAsync(store.Id, TouchpointEvent.OrderPlaced)
                    || await enablement.GetEnabledOnUtcAsync(channel.Vendor, store.Id) is not { } enabledOn)
                    continue;
                var from = enabledOn > windowStart ? enabledOn : windowStart;
                queued += await QueueMissingAsync(store.Id, channel.Vendor, from, cancellationToken);
            }
        }
        return queued;
    }

    private async Task<int> QueueMissingAsync(int storeId, TouchpointVendor vendor, DateTime fromUtc, CancellationToken cancellationToken)
    {
        var queued = 0;
        for (var page = 0; !cancellationToken.IsCancellationRequested; page++)
        {
            var orders = await orderService.SearchOrdersAsync(storeId, createdFromUtc: fromUtc, pageIndex: page, pageSize: PageSize);
            var candidates = orders.Where(o => !o.Deleted && o.StoreId == storeId && o.CreatedOnUtc >= fromUtc).ToList();
            var existing = await outbox.GetOrdersWithDeliveryAsync(storeId, vendor, TouchpointEvent.OrderPlaced,
                candidates.Select(o => o.Id).ToList(), cancellationToken);
            foreach (var order in candidates.Where(o => !existing.Contains(o.Id)))
                queued += await outbox.EnqueueAsync(storeId, order.Id, TouchpointEvent.OrderPlaced, [vendor], order.CreatedOnUtc, cancellationToken);
            if (!orders.HasNextPage)
                break;
        }
        return queued;
    }
}
