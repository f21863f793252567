namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>How one drain runs, read from the delivery settings with sane bounds.</summary>
public sealed record DrainPlan(RetrySchedule Schedule, int Concurrency, TimeSpan Lease)
{
    private static readonly TimeSpan MinLease = TimeSpan.FromMinutes(5);

    /// <summary>
    /// An attempt is stopped after half the lease, so its result is recorded while the claim is still
    /// held: another node can only take the row over if this node died.
    /// </summary>
    public TimeSpan SendTimeLimit => Lease / 2;

    /// <summary>
    /// How many due rows one claim takes into the node's send queue, independent of the send slots: one claim (three
    /// statements) feeds many sends. Queued rows are claimed, not sent, so a node that dies with a full queue costs
    /// only the claim's lease, never a false "check in the vendor". At least four rounds of slots, so a claim's
    /// statements are spread over many sends even with many slots.
    /// </summary>
    public int ClaimBatch => Math.Max(100, Concurrency * 4);

    public static DrainPlan From(OrderTouchpointsDeliverySettings settings)
    {
        // A Voyado delivery is up to three requests, each with the attempt timeout, plus rate-limit waits.
        var attemptTimeout = TimeSpan.FromSeconds(Math.Clamp(settings.AttemptTimeoutSeconds, 1, 120));
        var lease = attemptTimeout * 10 > MinLease ? attemptTimeout * 10 : MinLease;
        return new DrainPlan(RetrySchedule.Parse(settings.RetrySchedule), Math.Clamp(settings.MaxConcurrentSends, 1, 64), lease);
    }
}
