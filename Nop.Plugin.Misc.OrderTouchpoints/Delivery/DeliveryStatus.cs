namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>Life cycle of one outbox row; values are stored, never renumber.</summary>
public enum DeliveryStatus
{
    Pending = 10,
    InProgress = 20,
    Delivered = 30,
    Failed = 40,
    Skipped = 50
}
