using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Health;

/// <summary>
/// One vendor in the health view. <see cref="Key"/> names its page elements (ot-health-{Key}-…), so browser
/// tests find them whatever the admin's language; times are in the admin's time zone.
/// </summary>
public record VendorHealthChartModel : BaseNopModel
{
    public int VendorId { get; set; }

    public string Key { get; set; } = string.Empty;

    public string VendorName { get; set; } = string.Empty;

    /// <summary>The start of each bucket, oldest first, as the admin reads it.</summary>
    public IList<string> Labels { get; set; } = [];

    public IList<int> Delivered { get; set; } = [];

    public IList<int> Failed { get; set; } = [];

    public IList<int> Waiting { get; set; } = [];

    public int DeliveredTotal { get; set; }

    public int FailedTotal { get; set; }

    public int WaitingNow { get; set; }

    /// <summary>How long the oldest waiting delivery has waited, in words; null when nothing waits.</summary>
    public string? OldestWaitingAge { get; set; }

    public DateTime? LastDeliveredOn { get; set; }

    public string StateName { get; set; } = string.Empty;

    /// <summary><see cref="Delivery.VendorSendingState"/> by name, for styling and tests.</summary>
    public string State { get; set; } = string.Empty;

    /// <summary>What the chart script draws: labels and the three series with their localized names.</summary>
    public string ChartJson { get; set; } = "{}";
}
