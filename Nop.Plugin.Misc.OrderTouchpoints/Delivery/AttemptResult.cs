namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// One attempt's result as the outbox stores it. <see cref="Counted"/> false gives back the attempt the claim counted;
/// <see cref="VendorKey"/> is the key the row waits for.
/// </summary>
public sealed record AttemptResult(
    int DeliveryId,
    Guid ClaimToken,
    DeliveryStatus Status,
    DateTime AttemptedOnUtc,
    DateTime NextAttemptOnUtc,
    int? HttpStatus,
    string? Reason,
    bool Counted = true,
    string? VendorKey = null,
    string? DeliveredState = null);
