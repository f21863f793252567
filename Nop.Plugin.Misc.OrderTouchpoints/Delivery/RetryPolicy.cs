using Nop.Plugin.Misc.OrderTouchpoints.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// Turns an attempt's outcome into what the outbox stores: delivered stays delivered; rejected fails at
/// once; cannot-send is skipped; retry-later waits for the next delay of the schedule (±10 % jitter, so a
/// backlog from one outage does not come back in one burst, and never sooner than the vendor's
/// Retry-After) until the schedule is used up, then fails.
/// </summary>
public static class RetryPolicy
{
    public const double JitterRatio = 0.10;

    // Guards against absurd Retry-After values; the schedule itself is capped at the same length.
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromDays(7);

    /// <param name="jitterSample">A uniform sample in [0, 1): 0 → −10 %, 0.5 → exact, 1 → +10 %.</param>
    public static AttemptResult Decide(OrderTouchpointDelivery row, Guid claimToken, DeliveryOutcome outcome, RetrySchedule schedule,
        DateTime nowUtc, double jitterSample)
    {
        AttemptResult Result(DeliveryStatus status, DateTime next, string? reason) =>
            new(row.Id, claimToken, status, nowUtc, next, outcome.HttpStatus, reason);

        switch (outcome.Kind)
        {
            case OutcomeKind.Delivered:
                return Result(DeliveryStatus.Delivered, nowUtc, null);
            case OutcomeKind.Rejected:
                return Result(DeliveryStatus.Failed, nowUtc, outcome.Reason ?? "The vendor rejected the delivery.");
            case OutcomeKind.CannotSend:
                return Result(DeliveryStatus.Skipped, nowUtc, outcome.Reason ?? "The delivery cannot be sent.");
        }

        var reason = outcome.Reason ?? "The vendor asked to try again later.";
        // A final attempt the plugin held back itself (open circuit, rate limit) never reached the vendor:
        // the vendor is still owed that attempt, one last schedule step later.
        var next = schedule.DelayAfterAttempt(row.Attempts) ?? (outcome.HeldBack ? schedule.Delays[^1] : null);
        if (next is not { } delay)
            return Result(DeliveryStatus.Failed, nowUtc, $"Gave up after {row.Attempts} attempts. Last: {reason}");

        var jittered = delay * (1 - JitterRatio + 2 * JitterRatio * Math.Clamp(jitterSample, 0, 1));
        var retryAfter = outcome.RetryAfter is { } vendorWait ? (vendorWait < MaxRetryAfter ? vendorWait : MaxRetryAfter) : TimeSpan.Zero;
        return Result(DeliveryStatus.Pending, nowUtc + (jittered > retryAfter ? jittered : retryAfter), reason);
    }
}
