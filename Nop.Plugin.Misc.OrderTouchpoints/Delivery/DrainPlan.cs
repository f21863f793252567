namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>How one drain runs, read from the delivery settings with sane bounds; the one place the attempt timeout is read.</summary>
public sealed record DrainPlan(RetrySchedule Schedule, int Concurrency, TimeSpan AttemptTimeout)
{
    /// <summary>
    /// The send lease: short, and renewed every <see cref="LeaseRenewal"/> for every row the node is sending, so it runs
    /// out only when the node stopped; another node then settles the row within a lease and a claim (under 60 s).
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan LeaseRenewal = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long sends may go on after the application was asked to stop: the host waits 30 s by default, and the
    /// results of the sends this cuts still have to be written.
    /// </summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);

    /// <summary>An Engage delivery is up to three requests, each with the attempt timeout, plus rate-limit waits.</summary>
    public TimeSpan SendTimeLimit => AttemptTimeout * 4;

    public static TimeSpan AttemptTimeoutOf(OrderTouchpointsDeliverySettings settings) =>
        TimeSpan.FromSeconds(Math.Clamp(settings.AttemptTimeoutSeconds, 1, 120));

    public static DrainPlan From(OrderTouchpointsDeliverySettings settings) =>
        new(RetrySchedule.Parse(settings.RetrySchedule), Math.Clamp(settings.MaxConcurrentSends, 1, 64), AttemptTimeoutOf(settings));
}
