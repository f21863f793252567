namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>Locale resource keys naming a delivery's status and event (the admin log shows them).</summary>
public static class DeliveryResourceKeys
{
    public static string For(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "Plugins.Misc.OrderTouchpoints.DeliveryStatus.Pending",
        DeliveryStatus.InProgress => "Plugins.Misc.OrderTouchpoints.DeliveryStatus.InProgress",
        DeliveryStatus.Delivered => "Plugins.Misc.OrderTouchpoints.DeliveryStatus.Delivered",
        DeliveryStatus.Failed => "Plugins.Misc.OrderTouchpoints.DeliveryStatus.Failed",
        DeliveryStatus.Skipped => "Plugins.Misc.OrderTouchpoints.DeliveryStatus.Skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null)
    };

    public static string For(TouchpointEvent touchpointEvent) => touchpointEvent switch
    {
        TouchpointEvent.OrderPlaced => "Plugins.Misc.OrderTouchpoints.TouchpointEvent.OrderPlaced",
        TouchpointEvent.OrderPaid => "Plugins.Misc.OrderTouchpoints.TouchpointEvent.OrderPaid",
        TouchpointEvent.ShipmentSent => "Plugins.Misc.OrderTouchpoints.TouchpointEvent.ShipmentSent",
        TouchpointEvent.ShipmentDelivered => "Plugins.Misc.OrderTouchpoints.TouchpointEvent.ShipmentDelivered",
        TouchpointEvent.OrderCancelled => "Plugins.Misc.OrderTouchpoints.TouchpointEvent.OrderCancelled",
        TouchpointEvent.OrderRefunded => "Plugins.Misc.OrderTouchpoints.TouchpointEvent.OrderRefunded",
        _ => throw new ArgumentOutOfRangeException(nameof(touchpointEvent), touchpointEvent, null)
    };
}
