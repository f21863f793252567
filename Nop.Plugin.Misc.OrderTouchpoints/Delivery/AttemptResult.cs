namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// What one attempt of a claimed row ended in, as the outbox stores it. <see cref="Counted"/> false: the
/// attempt counted at the claim is given back (held back by the plugin, or a 429). <see cref="VendorKey"/>:
/// the vendor key the row waits for; a successful probe of its pause makes the row due at once (<see cref="Vendors.Shared.VendorGate"/>).
/// <see cref="DeliveredState"/>: delivered only, the order's state the vendor was shown (<see cref="DeliveredStates"/>).
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
