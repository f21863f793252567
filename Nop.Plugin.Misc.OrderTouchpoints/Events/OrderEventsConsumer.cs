using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Shipping;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Services.Events;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.OrderTouchpoints.Events;

/// <summary>
/// Runs inside checkout (and admin order actions), so it only writes outbox rows for the vendors active
/// for the order's store and event, then wakes the background dispatcher: no HTTP, no vendor I/O, no
/// waiting. It never throws into nopCommerce (a failure is logged once, without personal data), and for a
/// store with no active vendor it does nothing at all.
/// <para>
/// The vendors' channels are built only for an event the consumer acts on, one by one inside its try: nopCommerce builds
/// every consumer of an event before the try that guards their handlers (<c>EventPublisher.PublishAsync</c>), so a channel's
/// send-time graph (typed HTTP client with the admin's proxy, payload builders, picture and URL services) taken in the
/// constructor would be built for each order event of checkout, status changes included, and a failure to build it would
/// reach checkout as an error for an order already saved.
/// </para>
/// </summary>
public class OrderEventsConsumer(
    IServiceProvider services,
    IDeliveryOutbox outbox,
    DeliverySignal signal,
    IOrderService orderService,
    IErasedCustomers erasedCustomers,
    ILogger logger,
    TimeProvider timeProvider) :
    IConsumer<OrderPlacedEvent>,
    IConsumer<OrderPaidEvent>,
    IConsumer<ShipmentSentEvent>,
    IConsumer<ShipmentDeliveredEvent>,
    IConsumer<OrderStatusChangedEvent>,
    IConsumer<OrderRefundedEvent>
{
    public Task HandleEventAsync(OrderPlacedEvent eventMessage) => QueueAsync(eventMessage.Order, TouchpointEvent.OrderPlaced);

    public Task HandleEventAsync(OrderPaidEvent eventMessage) => QueueAsync(eventMessage.Order, TouchpointEvent.OrderPaid);

    // nopCommerce raises the shipment events once per shipment and the refund event once per refund
    // (partial or full): each is a delivery of its own, told apart by its event source.
    public Task HandleEventAsync(ShipmentSentEvent eventMessage) => QueueForShipmentAsync(eventMessage.Shipment, TouchpointEvent.ShipmentSent);

    public Task HandleEventAsync(ShipmentDeliveredEvent eventMessage) => QueueForShipmentAsync(eventMessage.Shipment, TouchpointEvent.ShipmentDelivered);

    // nopCommerce has no cancel event: a cancellation is a status change to Cancelled.
    public Task HandleEventAsync(OrderStatusChangedEvent eventMessage) =>
        eventMessage.Order?.OrderStatus == OrderStatus.Cancelled && eventMessage.PreviousOrderStatus != OrderStatus.Cancelled
            ? QueueAsync(eventMessage.Order, TouchpointEvent.OrderCancelled)
            : Task.CompletedTask;

    // A refund has no id of its own; the refunded total after it grows with every refund, and a repeat of
    // the same event carries the same total (so it is still one delivery).
    public Task HandleEventAsync(OrderRefundedEvent eventMessage) =>
        QueueAsync(eventMessage.Order, TouchpointEvent.OrderRefunded, eventMessage.Order is { } order ? RefundSourceId(order) : 0);

    public static long RefundSourceId(Order order) => decimal.ToInt64(decimal.Round(order.RefundedAmount * 100, MidpointRounding.AwayFromZero));

    private async Task QueueForShipmentAsync(Shipment? shipment, TouchpointEvent touchpointEvent)
    {
        if (shipment is null)
            return;
        try
        {
            if (await orderService.GetOrderByIdAsync(shipment.OrderId) is { } order)
                await QueueAsync(order, touchpointEvent, shipment.Id);
        }
        catch (Exception ex)
        {
            await LogOnceAsync($"shipment {shipment.Id} of order id {shipment.OrderId}", touchpointEvent, ex);
        }
    }

    private async Task QueueAsync(Order? order, TouchpointEvent touchpointEvent, long eventSourceId = 0)
    {
        if (order is null)
            return;
        Exception? failure = null;
        var vendors = new List<TouchpointVendor>();
        foreach (var vendor in Enum.GetValues<TouchpointVendor>())
        {
            // One vendor's broken settings, or a channel that cannot be built, must not cost the other vendors their delivery.
            try
            {
                if (services.GetTouchpointChannel(vendor) is { } channel && await channel.IsActiveForAsync(order.StoreId, touchpointEvent))
                    vendors.Add(vendor);
            }
            catch (Exception ex)
            {
                failure ??= ex;
            }
        }
        try
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            // Checkout's placed order comes from a customer who exists (nopCommerce does not let an erased one shop), so
            // checkout pays no extra read; a placed order of an erased customer (a recurring payment) is stopped at send time.
            var erasedOnUtc = vendors.Count > 0 && touchpointEvent != TouchpointEvent.OrderPlaced
                ? await erasedCustomers.ErasedOnUtcAsync(order.CustomerId)
                : null;
            if (vendors.Count > 0 && await outbox.EnqueueAsync(order.StoreId, order.Id, touchpointEvent, vendors, now, eventSourceId) > 0)
            {
                // Recorded and skipped at once, so the log says why nothing went out.
                if (erasedOnUtc is { } erased)
                    await outbox.SkipPendingAsync([order.Id], ErasedCustomerReasons.NothingSent(erased));
                else
                    signal.Raise();
            }
        }
        catch (Exception ex)
        {
            failure ??= ex;
        }
        if (failure is not null)
            await LogOnceAsync($"order {order.CustomOrderNumber}", touchpointEvent, failure);
    }

    /// <summary>Order number, event and exception type only: exception messages can quote customer data.</summary>
    private async Task LogOnceAsync(string subject, TouchpointEvent touchpointEvent, Exception exception)
    {
        try
        {
            await logger.ErrorAsync(
                $"Order touchpoints: could not queue the {touchpointEvent} deliveries of {subject} ({exception.GetType().Name}). " +
                "The order itself is not affected; " + (touchpointEvent == TouchpointEvent.OrderPlaced
                    ? "reconciliation queues a placed order it finds without a delivery."
                    : "this event reaches no vendor (reconciliation queues placed orders only)."));
        }
        catch
        {
            // Never let logging trouble reach checkout.
        }
    }
}
