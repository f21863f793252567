namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>The state a vendor was last shown for an order, and by which event's post.</summary>
public sealed record LastDeliveredState(string State, TouchpointEvent Event);

/// <summary>
/// "No state twice": a channel names the state its post shows the vendor (Engage: order status, payment status and any
/// refunded amount, as built at send time) and asks here before sending; a post whose state equals the one the vendor was
/// last shown for the order is skipped with a reason the owner can read, and a delivered post stores its state
/// (<see cref="DeliveryOutcome.DeliveredState"/>). Posts are built from the order as it is at send time, so after an
/// outage the delayed "placed" post may already show the order paid; the "paid" post after it would only repeat that,
/// and Engage's automations would mail the customer twice. Only the last state counts: an order that goes back and forth
/// is a real change each time.
/// </summary>
public class DeliveredStates(IDeliveryOutbox outbox)
{
    /// <summary>The skipped outcome when the vendor was already shown <paramref name="state"/> for this order, else null.</summary>
    public async Task<DeliveryOutcome?> SkipIfAlreadyShownAsync(TouchpointVendor vendor, string vendorName, DeliveryRequest request, string state,
        CancellationToken cancellationToken)
    {
        if (await outbox.GetLastDeliveredStateAsync(request.StoreId, request.OrderId, vendor, cancellationToken) is not { } last
            || !string.Equals(last.State, state, StringComparison.Ordinal))
            return null;
        return DeliveryOutcome.CannotSend(
            $"{vendorName} already has {state} for this order, from the {PostName(last.Event)} post; this post would repeat it, so it is not sent.");
    }

    public static string PostName(TouchpointEvent touchpointEvent) => touchpointEvent switch
    {
        TouchpointEvent.OrderPlaced => "placed",
        TouchpointEvent.OrderPaid => "paid",
        TouchpointEvent.ShipmentSent => "shipped",
        TouchpointEvent.ShipmentDelivered => "delivered",
        TouchpointEvent.OrderCancelled => "cancelled",
        TouchpointEvent.OrderRefunded => "refunded",
        _ => touchpointEvent.ToString()
    };
}
