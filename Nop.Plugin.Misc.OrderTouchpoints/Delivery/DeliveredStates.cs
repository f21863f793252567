namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>The state a vendor was last shown for an order, and by which event's post.</summary>
public sealed record LastDeliveredState(string State, TouchpointEvent Event);

/// <summary>
/// "No state twice": posts are built from the order at send time, so after an outage the late "placed" post may already
/// show the order paid, and the "paid" post would make Engage's automations mail the customer twice. A post whose state
/// equals the last one the vendor was shown is skipped; only the last counts, so going back and forth is a change each time.
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
