using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Localization;

public static partial class LocaleResources
{
    /// <summary>Keys an earlier version added and this one no longer uses: an update deletes them.</summary>
    public static IReadOnlyList<string> Retired { get; } = [OrderTouchpointsDefaults.ResourcePrefix + "DeliveryStatus.Claimed"];

    /// <summary>The resource naming a delivery status in the admin.</summary>
    public static string KeyOf(DeliveryStatus status) => $"{OrderTouchpointsDefaults.ResourcePrefix}DeliveryStatus.{status}";

    /// <summary>The resource naming an order event in the admin.</summary>
    public static string KeyOf(TouchpointEvent touchpointEvent) => $"{OrderTouchpointsDefaults.ResourcePrefix}TouchpointEvent.{touchpointEvent}";

    private static LocaleText[] Delivery =>
    [
        T("DeliveryStatus.Pending", "Pending", "In attesa"),
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
