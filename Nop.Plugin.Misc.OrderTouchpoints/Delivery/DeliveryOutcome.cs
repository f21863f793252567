namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

public enum OutcomeKind
{
    /// <summary>The vendor acknowledged it (2xx).</summary>
    Delivered,
    /// <summary>Connection failure, 5xx, 429, an open circuit, or no answer to a request that repeats harmlessly.</summary>
    RetryLater,
    /// <summary>Another 4xx, or no answer to a request that would act twice: fails until a person checks and resends.</summary>
    Rejected,
    /// <summary>The plugin cannot build a valid request (no email, no country…): skipped with the reason.</summary>
    CannotSend
}

/// <summary>
/// The classified result of one attempt. <see cref="Reason"/> is stored and shown to the owner, so it never holds an API
/// key, an email address or a payload. <see cref="HeldBack"/>: the plugin did not let the request go. <see cref="VendorKey"/>:
/// the vendor key a retry waits for (held back with a key: the key is paused). <see cref="DeliveredState"/>: what the
/// vendor was shown (or, when the answer was lost, may have been shown), for a later post to compare with.
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

    /// <summary>Not when the plugin held it back, nor for a 429 with Retry-After: the vendor is up and said when to come back.</summary>
    public bool CountsAgainstSchedule => Kind != OutcomeKind.RetryLater || !(HeldBack || (HttpStatus == 429 && RetryAfter is not null));

    public static DeliveryOutcome Rejected(string reason, int? httpStatus = null) =>
        new(OutcomeKind.Rejected, httpStatus, Trim(reason));

    public static DeliveryOutcome CannotSend(string reason) => new(OutcomeKind.CannotSend, null, Trim(reason));

    public static string Trim(string reason) =>
        reason.Length <= MaxReasonLength ? reason : string.Concat(reason.AsSpan(0, MaxReasonLength - 1), "…");
}
