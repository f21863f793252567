using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

public record VtMarketingModel : VendorModel
{
    public override TouchpointVendor Vendor => TouchpointVendor.VtMarketing;

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.EndpointUrl")]
    public string? EndpointUrl { get; set; }
    public bool EndpointUrl_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.VtMarketing.ProductIdSource")]
    public ProductIdSource ProductIdSource { get; set; }
    public bool ProductIdSource_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.VtMarketing.PendingOrderStatus")]
    public string? PendingOrderStatus { get; set; }
    public bool PendingOrderStatus_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.VtMarketing.ProcessingOrderStatus")]
    public string? ProcessingOrderStatus { get; set; }
    public bool ProcessingOrderStatus_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.VtMarketing.CompleteOrderStatus")]
    public string? CompleteOrderStatus { get; set; }
    public bool CompleteOrderStatus_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.VtMarketing.CancelledOrderStatus")]
    public string? CancelledOrderStatus { get; set; }
    public bool CancelledOrderStatus_OverrideForStore { get; set; }

    /// <summary>The feed's Color source as <see cref="Vendors.VtMarketing.Feed.FeedColorSource"/> text; empty = no colour.</summary>
    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.VtMarketing.FeedColorAttribute")]
    public string? FeedColorAttribute { get; set; }
    public bool FeedColorAttribute_OverrideForStore { get; set; }

    public IList<SelectListItem> AvailableProductIdSources { get; set; } = [];

    public IList<SelectListItem> AvailableFeedColorAttributes { get; set; } = [];
}
