namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>What happened to the order; values are stored in the outbox, never renumber.</summary>
public enum TouchpointEvent
{
    OrderPlaced = 1,
    OrderPaid = 2,
    ShipmentSent = 3,
    ShipmentDelivered = 4,
    OrderCancelled = 5,
    OrderRefunded = 6
}
