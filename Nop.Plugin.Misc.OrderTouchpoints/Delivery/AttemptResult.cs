namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>What one attempt of a claimed row ended in, as the outbox stores it.</summary>
public sealed record AttemptResult(
    int DeliveryId,
    Guid ClaimToken,
    DeliveryStatus Status,
    DateTime AttemptedOnUtc,
    DateTime NextAttemptOnUtc,
    int? HttpStatus,
    string? Reason);
