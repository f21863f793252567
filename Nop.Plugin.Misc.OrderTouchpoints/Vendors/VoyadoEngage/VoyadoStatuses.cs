using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>Which events a store sends to Engage and the status strings (configured in the tenant) each one carries.</summary>
public static class VoyadoStatuses
{
    public static bool IsWanted(OrderTouchpointsVoyadoSettings settings, TouchpointEvent touchpointEvent) => touchpointEvent switch
    {
        TouchpointEvent.OrderPlaced => true,
        TouchpointEvent.OrderPaid => settings.SendOnPaid,
        TouchpointEvent.ShipmentSent => settings.SendOnShipped,
        TouchpointEvent.ShipmentDelivered => settings.SendOnDelivered,
        TouchpointEvent.OrderCancelled => settings.SendOnCancelled,
        TouchpointEvent.OrderRefunded => settings.SendOnRefunded,
        _ => false
    };

    /// <summary>The <c>orderStatus</c> of the post made for the event; empty when the store owner cleared it.</summary>
    public static string OrderStatusFor(OrderTouchpointsVoyadoSettings settings, TouchpointEvent touchpointEvent) => (touchpointEvent switch
    {
        TouchpointEvent.OrderPlaced => settings.PlacedOrderStatus,
        TouchpointEvent.OrderPaid => settings.PaidOrderStatus,
        TouchpointEvent.ShipmentSent => settings.ShippedOrderStatus,
        TouchpointEvent.ShipmentDelivered => settings.DeliveredOrderStatus,
        TouchpointEvent.OrderCancelled => settings.CancelledOrderStatus,
        TouchpointEvent.OrderRefunded => settings.RefundedOrderStatus,
        _ => null
    })?.Trim() ?? string.Empty;

    /// <summary>The <c>paymentStatus</c> for the order's current nopCommerce payment status.</summary>
    public static string PaymentStatusFor(OrderTouchpointsVoyadoSettings settings, PaymentStatus paymentStatus) => (paymentStatus switch
    {
        PaymentStatus.Pending => settings.PendingPaymentStatus,
        PaymentStatus.Authorized => settings.AuthorizedPaymentStatus,
        PaymentStatus.Paid => settings.PaidPaymentStatus,
        PaymentStatus.PartiallyRefunded => settings.PartiallyRefundedPaymentStatus,
        PaymentStatus.Refunded => settings.RefundedPaymentStatus,
        PaymentStatus.Voided => settings.VoidedPaymentStatus,
        _ => paymentStatus.ToString()
    })?.Trim() ?? string.Empty;
}
