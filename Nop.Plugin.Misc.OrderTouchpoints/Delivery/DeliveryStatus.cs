namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>Life cycle of one outbox row; values are stored, never renumber.</summary>
public enum DeliveryStatus
{
    Pending = 10,

    /// <summary>
    /// Taken by a node's dispatcher, queued there for a free send slot, not yet sent (no attempt counted). When the
    /// claim's lease runs out (the node died or fell behind) the row is simply due again: it was never sent.
    /// </summary>
    Claimed = 15,

    /// <summary>Being sent: the attempt is counted. When the lease runs out here, nobody knows whether the vendor got it.</summary>
    InProgress = 20,
    Delivered = 30,
    Failed = 40,
    Skipped = 50
}
