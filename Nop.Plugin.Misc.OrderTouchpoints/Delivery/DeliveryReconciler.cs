using Nop.Core.Domain.Orders;
using Nop.Services.Orders;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// Queues the placed-order deliveries missing for orders of the last 24 hours — orders whose event was
/// missed (an admin-created order, a crash between the order and the outbox write). Never reaches back
/// before the vendor was enabled for the store: switching a vendor on must not mail yesterday's customers.
/// Orders younger than <see cref="GracePeriod"/> are left alone: nopCommerce inserts an order, then its
/// items and discount usage, and raises OrderPlacedEvent last, so a younger order may still be being
/// placed (queued now, a vendor would get it without items, and the real event would find its key taken).
/// Each store's orders are searched once, whatever the number of vendors. An order of a customer erased (GDPR) is
/// recorded as skipped, never queued to send.
/// </summary>
public class DeliveryReconciler(
    IStoreService storeService,
    IOrderService orderService,
    IEnumerable<ITouchpointChannel> channels,
    IDeliveryOutbox outbox,
    IErasedCustomers erasedCustomers,
    TimeProvider timeProvider)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);
    public static readonly TimeSpan GracePeriod = TimeSpan.FromMinutes(10);
    private const int PageSize = 500;

    /// <summary>Returns how many deliveries were queued.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var windowStart = now - Window;
        var queued = 0;
        foreach (var store in await storeService.GetAllStoresAsync())
        {
            var vendorsFrom = new Dictionary<TouchpointVendor, DateTime>();
            foreach (var channel in channels)
            {
                if (await channel.IsActiveForAsync(store.Id, TouchpointEvent.OrderPlaced)
                    && await channel.GetEnabledOnUtcAsync(store.Id) is { } enabledOn)
                    vendorsFrom[channel.Facts.Vendor] = enabledOn > windowStart ? enabledOn : windowStart;
            }
            if (vendorsFrom.Count > 0)
                queued += await QueueMissingAsync(store.Id, vendorsFrom, now - GracePeriod, cancellationToken);
        }
        return queued;
    }

    private async Task<int> QueueMissingAsync(int storeId, IReadOnlyDictionary<TouchpointVendor, DateTime> vendorsFrom, DateTime toUtc,
        CancellationToken cancellationToken)
    {
        var fromUtc = vendorsFrom.Values.Min();
        if (fromUtc > toUtc)
            return 0;
        var queued = 0;
        for (var page = 0; !cancellationToken.IsCancellationRequested; page++)
        {
            var orders = await orderService.SearchOrdersAsync(storeId, createdFromUtc: fromUtc, createdToUtc: toUtc, pageIndex: page, pageSize: PageSize);
            var candidates = orders.Where(o => !o.Deleted && o.StoreId == storeId && o.CreatedOnUtc >= fromUtc && o.CreatedOnUtc <= toUtc).ToList();
            var erased = candidates.Count > 0
                ? await erasedCustomers.ErasedAmongAsync(candidates.Select(o => o.CustomerId).ToList(), cancellationToken)
                : new Dictionary<int, DateTime>();
            foreach (var (vendor, vendorFrom) in vendorsFrom)
                queued += await QueueMissingAsync(storeId, vendor, candidates.Where(o => o.CreatedOnUtc >= vendorFrom).ToList(), erased, cancellationToken);
            if (!orders.HasNextPage)
                break;
        }
        return queued;
    }

    private async Task<int> QueueMissingAsync(int storeId, TouchpointVendor vendor, IReadOnlyList<Order> candidates,
        IReadOnlyDictionary<int, DateTime> erasedCustomerIds, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
            return 0;
        var existing = await outbox.GetOrdersWithDeliveryAsync(storeId, vendor, TouchpointEvent.OrderPlaced,
            candidates.Select(o => o.Id).ToList(), cancellationToken);
        var queued = 0;
        foreach (var order in candidates.Where(o => !existing.Contains(o.Id)))
        {
            var created = await outbox.EnqueueAsync(storeId, order.Id, TouchpointEvent.OrderPlaced, [vendor], order.CreatedOnUtc, cancellationToken: cancellationToken);
            // An erased customer's order is recorded as skipped, with why: the log shows it, and the next sweep finds its row.
            if (created > 0 && erasedCustomerIds.TryGetValue(order.CustomerId, out var erasedOnUtc))
                await outbox.SkipPendingAsync([order.Id], ErasedCustomerReasons.NothingSent(erasedOnUtc), cancellationToken);
            else
                queued += created;
        }
        return queued;
    }
}
