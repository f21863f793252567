using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models;

/// <summary>The health view at the top of the delivery log (and the dashboard card): one chart and figures per vendor.</summary>
public record DeliveryHealthModel : BaseNopModel
{
    public DeliveryHealthPeriod Period { get; set; } = DeliveryHealthPeriod.Hours;

    /// <summary>0 = all stores.</summary>
    public int StoreId { get; set; }

    public IList<VendorHealthChartModel> Vendors { get; set; } = [];
}
