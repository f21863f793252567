using System.Globalization;
using Nop.Plugin.Misc.OrderTouchpoints.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// Turns an attempt's outcome into what the outbox stores. A failure waits the schedule's next delay (±10 % jitter, so an
/// outage's backlog does not come back in one burst), never sooner than the vendor's Retry-After. A 429 with Retry-After and
/// an attempt the plugin held back use up no step: the vendor is up, or never saw it. A delivery gives up when its next
/// attempt would start after its first one plus the schedule's total, however many attempts an outage held back.
/// </summary>
public static class RetryPolicy
{
    public const double JitterRatio = 0.10;

    /// <summary>A parked delivery comes due on its own this long after its pause, should no probe release it (a restart, a new key).</summary>
    public static readonly TimeSpan PausedBackstop = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromDays(7);

    /// <param name="jitterSample">A uniform sample in [0, 1): 0 → −10 %, 0.5 → exact, 1 → +10 %.</param>
    public static AttemptResult Decide(OrderTouchpointDelivery row, Guid claimToken, DeliveryOutcome outcome, RetrySchedule schedule,
        DateTime nowUtc, double jitterSample)
    {
        var counted = outcome.CountsAgainstSchedule;
        var attempts = counted ? row.Attempts : Math.Max(0, row.Attempts - 1);

        AttemptResult Result(DeliveryStatus status, DateTime next, string? reason, string? vendorKey = null) =>
            new(row.Id, claimToken, status, nowUtc, next, outcome.HttpStatus, reason, counted, vendorKey,
                status is DeliveryStatus.Delivered or DeliveryStatus.Failed ? outcome.DeliveredState : null);

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
        var retryAfter = outcome.RetryAfter is { } vendorWait ? (vendorWait < MaxRetryAfter ? vendorWait : MaxRetryAfter) : (TimeSpan?)null;
        var parked = outcome.HeldBack && outcome.VendorKey is not null;
        DateTime next;
        if (!counted)
            next = nowUtc + (retryAfter ?? schedule.Delays[0]);
        else
        {
            var jittered = schedule.DelayAfterAttempt(attempts) * (1 - JitterRatio + 2 * JitterRatio * Math.Clamp(jitterSample, 0, 1));
            next = nowUtc + (retryAfter is { } wait && wait > jittered ? wait : jittered);
        }

        var firstAttempt = row.FirstAttemptOnUtc ?? nowUtc;
        var deadline = firstAttempt + schedule.Total * (1 + JitterRatio);
        if (next > deadline)
        {
            return Result(DeliveryStatus.Failed, nowUtc,
                $"Gave up after {attempts} attempts in {Describe(nowUtc - firstAttempt)}. Last: {reason}");
        }
        if (parked)
            next = next + PausedBackstop < deadline ? next + PausedBackstop : deadline;
        return Result(DeliveryStatus.Pending, next, reason, outcome.VendorKey);
    }

    private static string Describe(TimeSpan elapsed) => elapsed >= TimeSpan.FromHours(1)
        ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalHours:0.#} h")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, elapsed.TotalMinutes):0.#} min");
}
