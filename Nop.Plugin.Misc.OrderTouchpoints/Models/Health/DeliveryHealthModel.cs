using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Health;

/// <summary>The health view at the top of the delivery log (and the dashboard card): one chart and figures per vendor.</summary>
public record DeliveryHealthModel : BaseNopModel
{
    public DeliveryHealthPeriod Period { get; set; } = DeliveryHealthPeriod.Hours;

    /// <summary>0 = all stores.</summary>
    public int StoreId { get; set; }

    public IList<VendorHealthChartModel> Vendors { get; set; } = [];
}

/// <summary>The health chart's window: the last 24 hours per hour, or the last 30 days per day.</summary>
public enum DeliveryHealthPeriod
{
    Hours = 24,
    Days = 30
}
