using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Health;

/// <summary>How one vendor's deliveries are doing, for the configure page; the time is in the admin's time zone.</summary>
public record VendorHealthModel : BaseNopModel
{
    public string VendorName { get; set; } = string.Empty;

    public int Waiting { get; set; }

    public int DeliveredLast24Hours { get; set; }

    public int FailedLast24Hours { get; set; }

    public DateTime? LastDeliveredOn { get; set; }
}
