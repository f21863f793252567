using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models;

/// <summary>Locale resource of each event's name (full literal keys, so the locale coverage test sees them).</summary>
public static class TouchpointEventNames
{
    public static string ResourceKey(TouchpointEvent touchpointEvent) => touchpointEvent switch
    {
        TouchpointEvent.OrderPlaced => "Plugins.Misc.OrderTouchpoints.Event.OrderPlaced",
        TouchpointEvent.OrderPaid => "Plugins.Misc.OrderTouchpoints.Event.OrderPaid",
        TouchpointEvent.ShipmentSent => "Plugins.Misc.OrderTouchpoints.Event.ShipmentSent",
        TouchpointEvent.ShipmentDelivered => "Plugins.Misc.OrderTouchpoints.Event.ShipmentDelivered",
        TouchpointEvent.OrderCancelled => "Plugins.Misc.OrderTouchpoints.Event.OrderCancelled",
        TouchpointEvent.OrderRefunded => "Plugins.Misc.OrderTouchpoints.Event.OrderRefunded",
        _ => throw new ArgumentOutOfRangeException(nameof(touchpointEvent), touchpointEvent, null)
    };
}
