using System.Globalization;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>
/// What an order post shows Engage, as one short text: the order and payment status it carries (<c>Confirmed/Paid</c>),
/// the refunded total in the customer's currency once there is one (<c>Cancelled/Refunded@12.34</c>: each refund's new
/// total is a new state, so every refund mail goes out), and for shipment posts the shipment and its date
/// (<c>Shipped/Paid, shipment 71 shipped 2026-11-21T15:45:10Z</c>: a second parcel is news too, even shipped in the same
/// second).
/// Everything else in the post (prices, lines, statusChangedDate) repeats what Engage already saw or only says when.
/// <para>
/// "No state twice": posts are built from the order at send time, so after an outage the late "placed" post may already
/// show the order paid, and the "paid" post would make Engage's automations mail the customer twice. A post whose state
/// equals the last one Engage was shown is skipped; only the last counts, so going back and forth is a change each time.
/// </para>
/// </summary>
public static class VoyadoOrderState
{
    public static string Of(VoyadoOrderPayload order, OrderData data, DeliveryRequest request)
    {
        var state = $"{order.OrderStatus}/{order.PaymentStatus}";
        if (data.Order.RefundedAmount > 0m)
            state += "@" + data.InCustomerCurrency(data.Order.RefundedAmount).ToString("0.00", CultureInfo.InvariantCulture);
        if (order.ShippingDate is { } shipped)
            state += (request.EventSourceId > 0 ? $", shipment {request.EventSourceId}" : ",") + " shipped " + shipped;
        return state;
    }

    /// <summary>
    /// When Engage was last shown <paramref name="state"/> for the order: skipped; when the post that may have shown it lost
    /// its answer: held for the owner, as the lost one is (a second mail is final, a resend costs a minute). The owner
    /// resends the lost post, not this one: while the lost post keeps its state, this one would be held again. Else null.
    /// </summary>
    public static DeliveryOutcome? Repeats(LastDeliveredState? last, string state)
    {
        if (last is null || !string.Equals(last.State, state, StringComparison.Ordinal))
            return null;
        return last.AnswerLost
            ? DeliveryOutcome.Rejected($"The {PostName(last.Event)} post may have shown Engage {state} already: it was sent and its answer was lost. " +
                                       $"Check in Voyado Engage whether the customer got that mail; if not, resend the {PostName(last.Event)} post from the delivery log (it shows this state).")
            : DeliveryOutcome.CannotSend($"Engage already has {state} for this order, from the {PostName(last.Event)} post; this post would repeat it, so it is not sent.");
    }

    private static string PostName(TouchpointEvent touchpointEvent) => touchpointEvent switch
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
