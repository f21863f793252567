using System.Globalization;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>
/// What an order post shows Engage, as one short text (<see cref="Delivery.DeliveredStates"/>): the order and payment
/// status it carries (<c>Confirmed/Paid</c>), the refunded total in the customer's currency once there is one
/// (<c>Cancelled/Refunded@12.34</c>: each refund's new total is a new state, so every refund mail goes out), and for
/// shipment posts the shipment's date (<c>Shipped/Paid, shipped 2026-11-21T15:45:10Z</c>: a second parcel is news too).
/// Everything else in the post (prices, lines, statusChangedDate) repeats what Engage already saw or only says when.
/// </summary>
public static class VoyadoOrderState
{
    public static string Of(VoyadoOrderPayload order, OrderData data)
    {
        var state = $"{order.OrderStatus}/{order.PaymentStatus}";
        if (data.Order.RefundedAmount > 0m)
            state += "@" + data.InCustomerCurrency(data.Order.RefundedAmount).ToString("0.00", CultureInfo.InvariantCulture);
        if (order.ShippingDate is { } shipped)
            state += ", shipped " + shipped;
        return state;
    }
}
