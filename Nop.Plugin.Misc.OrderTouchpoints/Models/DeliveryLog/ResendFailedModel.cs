using System.ComponentModel.DataAnnotations;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.DeliveryLog;

/// <summary>"Resend every failed delivery since": optionally of one store and one vendor (0 = all).</summary>
public record ResendFailedModel : BaseNopModel
{
    /// <summary>In the admin's time zone.</summary>
    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.DeliveryLog.ResendFailed.Since")]
    [UIHint("DateTimeNullable")]
    public DateTime? FailedSince { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.DeliveryLog.SearchStore")]
    public int StoreId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.DeliveryLog.SearchVendor")]
    public int VendorId { get; set; }
}
