using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.OrderTouchpoints.Reports;

/// <summary>
/// How a resend of selected deliveries went: queued again, refused because their customer was erased, and left as they
/// are (<see cref="LeftAlone"/>: delivered ones the owner did not ask to send again, and those being sent right now).
/// </summary>
public sealed record ResendResult(int Resent, int RefusedErased, int LeftAlone = 0);

/// <summary>
/// The admin's "Resend" of selected deliveries: a delivery whose order belongs to a customer nopCommerce erased (GDPR)
/// is refused (nothing about that customer leaves the store again), the others go back to the queue.
/// "Resend failed since" needs no such check: the erase turns the customer's failed deliveries into skipped ones,
/// and a send that was in flight during the erase is stopped at send time.
/// </summary>
public class DeliveryResends(IDeliveryReports reports, IErasedCustomers erasedCustomers, IOrderService orderService)
{
    /// <param name="includeDelivered">The owner confirmed that delivered rows are sent again (a second mail or event).</param>
    public async Task<ResendResult> ResendAsync(IReadOnlyCollection<int> deliveryIds, bool includeDelivered, CancellationToken cancellationToken)
    {
        var orderOfDelivery = await reports.GetOrderIdsAsync(deliveryIds, cancellationToken);
        if (orderOfDelivery.Count == 0)
            return new ResendResult(0, 0);
        var orders = await orderService.GetOrdersByIdsAsync(orderOfDelivery.Values.Distinct().ToArray());
        var erased = await erasedCustomers.ErasedAmongAsync(orders.Select(o => o.CustomerId).ToList(), cancellationToken);
        var erasedOrderIds = orders.Where(o => erased.ContainsKey(o.CustomerId)).Select(o => o.Id).ToHashSet();
        var allowed = orderOfDelivery.Where(d => !erasedOrderIds.Contains(d.Value)).Select(d => d.Key).ToList();
        var resent = allowed.Count > 0 ? await reports.ResendAsync(allowed, includeDelivered, cancellationToken) : 0;
        return new ResendResult(resent, orderOfDelivery.Count - allowed.Count, allowed.Count - resent);
    }
}
