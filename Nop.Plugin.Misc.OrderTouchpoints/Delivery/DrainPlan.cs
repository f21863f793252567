namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>How one drain runs, from the delivery settings with sane bounds; the one place the attempt timeout is read.</summary>
public sealed record DrainPlan(RetrySchedule Schedule, int Concurrency, TimeSpan AttemptTimeout)
{
    /// <summary>Short and renewed, so it runs out only when the node stopped: a killed node's rows settle within 60 s.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan LeaseRenewal = TimeSpan.FromSeconds(10);

    /// <summary>Inside the host's 30-s shutdown window, leaving time to write the results of the sends it cuts.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);

    /// <summary>An Engage delivery is up to three requests, each with the attempt timeout, plus rate-limit waits.</summary>
    public TimeSpan SendTimeLimit => AttemptTimeout * 4;

    public static TimeSpan AttemptTimeoutOf(OrderTouchpointsDeliverySettings settings) =>
        TimeSpan.FromSeconds(Math.Clamp(settings.AttemptTimeoutSeconds, 1, 120));

    public static DrainPlan From(OrderTouchpointsDeliverySettings settings) =>
        new(RetrySchedule.Parse(settings.RetrySchedule), Math.Clamp(settings.MaxConcurrentSends, 1, 64), AttemptTimeoutOf(settings));
}
