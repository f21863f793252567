namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>Life cycle of one outbox row; values are stored, never renumber.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt (due at NextAttemptOnUtc).</summary>
    Pending = 10,

    // 15 was 1.2's "queued to send"; the 1.3 update turns such rows back to pending. Never reuse it.

    /// <summary>Being sent under a send lease; when the lease runs out here, nobody knows whether the vendor got it.</summary>
    InProgress = 20,
    Delivered = 30,
    Failed = 40,
    Skipped = 50
}
