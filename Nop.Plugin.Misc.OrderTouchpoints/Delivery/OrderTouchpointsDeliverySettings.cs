using Nop.Core.Configuration;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>How the outbox is drained; one set for the whole installation (store 0).</summary>
public class OrderTouchpointsDeliverySettings : ISettings
{
    /// <summary>Delays between attempts, comma separated (s, m, h, d suffixes); after the last one a delivery fails.</summary>
    public string RetrySchedule { get; set; } = "10s,1m,5m,30m,2h,6h,12h,24h";

    /// <summary>Delivered and skipped rows older than this are purged.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>Enqueues placed-order deliveries missing for orders of the last 24 hours.</summary>
    public bool ReconciliationEnabled { get; set; } = true;

    public int MaxConcurrentSends { get; set; } = 8;

    public int AttemptTimeoutSeconds { get; set; } = 15;
}
