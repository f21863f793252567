namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

public enum OutcomeKind
{
    /// <summary>The vendor acknowledged it (2xx); never send it again.</summary>
    Delivered,
    /// <summary>
    /// Connection failure, 5xx, 429, an open circuit, or a timeout of a request that repeats harmlessly: try again later.
    /// </summary>
    RetryLater,
    /// <summary>
    /// The vendor refused it (other 4xx), or a request that would act twice got no answer (the vendor may have it):
    /// fails until a person checks, fixes data or settings, and resends.
    /// </summary>
    Rejected,
    /// <summary>The plugin cannot build a valid request (no email, no country…): skipped with the reason.</summary>
    CannotSend
}

/// <summary>
/// The classified result of one delivery attempt. <see cref="Reason"/> is shown to the store owner and
/// stored in the outbox, so it is trimmed and never holds an API key, an email address or a payload.
/// <see cref="HeldBack"/>: the plugin itself did not let the request go (open circuit, no rate-limit slot),
/// so the vendor never saw this attempt. <see cref="VendorKey"/> (<see cref="Vendors.Shared.VendorKey.Name"/>): the vendor
/// key a retry waits for; held back with a key means sending to it is paused, and the delivery waits for
/// the pause's probe. Whenever a probe of the key succeeds, every delivery waiting for it is due at once.
/// <see cref="DeliveredState"/>: on a delivered outcome, the order's state the vendor was shown (<see cref="DeliveredStates"/>).
/// </summary>
public sealed record DeliveryOutcome(OutcomeKind Kind, int? HttpStatus = null, string? Reason = null, TimeSpan? RetryAfter = null,
    bool HeldBack = false, string? VendorKey = null, string? DeliveredState = null)
{
    public const int MaxReasonLength = 500;

    public static DeliveryOutcome Delivered(int httpStatus) => new(OutcomeKind.Delivered, httpStatus);

    public static DeliveryOutcome Retry(string reason, int? httpStatus = null, TimeSpan? retryAfter = null) =>
        new(OutcomeKind.RetryLater, httpStatus, Trim(reason), retryAfter);

    public static DeliveryOutcome HeldBackLocally(string reason, TimeSpan? retryAfter, string? vendorKey = null) =>
        new(OutcomeKind.RetryLater, null, Trim(reason), retryAfter, HeldBack: true, vendorKey);

    /// <summary>
    /// Whether this attempt uses up a step of the retry schedule: not when the plugin held it back, and not
    /// for a 429 with Retry-After (the vendor is up and said when to come back; that is not a failed
    /// delivery). A 429 without Retry-After says nothing about when: it waits on the schedule like a 503.
    /// </summary>
    public bool CountsAgainstSchedule => Kind != OutcomeKind.RetryLater || !(HeldBack || (HttpStatus == 429 && RetryAfter is not null));

    public static DeliveryOutcome Rejected(string reason, int? httpStatus = null) =>
        new(OutcomeKind.Rejected, httpStatus, Trim(reason));

    public static DeliveryOutcome CannotSend(string reason) => new(OutcomeKind.CannotSend, null, Trim(reason));

    public static string Trim(string reason) =>
        reason.Length <= MaxReasonLength ? reason : string.Concat(reason.AsSpan(0, MaxReasonLength - 1), "…");
}
