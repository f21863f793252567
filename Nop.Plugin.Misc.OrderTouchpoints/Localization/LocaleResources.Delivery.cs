namespace Nop.Plugin.Misc.OrderTouchpoints.Localization;

public static partial class LocaleResources
{
    private static LocaleText[] Delivery =>
    [
        T("DeliveryStatus.Pending", "Pending", "In attesa"),
        T("DeliveryStatus.Claimed", "Queued to send", "In coda di invio"),
        T("DeliveryStatus.InProgress", "Sending", "In invio"),
        T("DeliveryStatus.Delivered", "Delivered", "Consegnato"),
        T("DeliveryStatus.Failed", "Failed", "Non riuscito"),
        T("DeliveryStatus.Skipped", "Skipped", "Saltato"),
        T("TouchpointEvent.OrderPlaced", "Order placed", "Ordine effettuato"),
        T("TouchpointEvent.OrderPaid", "Order paid", "Ordine pagato"),
        T("TouchpointEvent.ShipmentSent", "Shipment sent", "Spedizione inviata"),
        T("TouchpointEvent.ShipmentDelivered", "Shipment delivered", "Spedizione consegnata"),
        T("TouchpointEvent.OrderCancelled", "Order cancelled", "Ordine annullato"),
        T("TouchpointEvent.OrderRefunded", "Order refunded", "Ordine rimborsato")
    ];
}
