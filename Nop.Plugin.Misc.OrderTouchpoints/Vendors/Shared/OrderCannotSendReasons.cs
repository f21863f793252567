namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>Reasons shared by every vendor for an order that cannot be sent; each says what the store owner can do.</summary>
public static class OrderCannotSendReasons
{
    public static string OrderMissing(int orderId) =>
        $"The order (id {orderId}) no longer exists or was deleted; there is nothing to send.";

    public static string NoEmail(string orderNumber) =>
        $"Order {orderNumber}: neither the customer nor the billing address has an email address. " +
        "Add an email to the customer or to the order's billing address, then resend.";

    public static string OnlyPlacedOrders(string vendorName, object touchpointEvent) =>
        $"{vendorName} receives only placed orders; the event {touchpointEvent} is not sent to it.";
}
