using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Health;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

public record ConfigurationModel : BaseNopModel
{
    public int ActiveStoreScopeConfiguration { get; set; }

    /// <summary>
    /// Display only: why the settings could not be read. The page then shows no settings form, since saving a form
    /// of defaults would write them over the settings that could not be read.
    /// </summary>
    [BindNever]
    public string? SettingsUnavailable { get; set; }

    public TransactionaleModel Transactionale { get; set; } = new();

    public VoyadoModel Voyado { get; set; } = new();

    public VtMarketingModel VtMarketing { get; set; } = new();

    /// <summary>The product feed and tracking script part of the VTmarketing card.</summary>
    public VtMarketingFeedModel VtMarketingFeed { get; set; } = new();

    public DeliveryModel Delivery { get; set; } = new();

    public AlertsModel Alerts { get; set; } = new();

    public PayloadPreviewModel Preview { get; set; } = new();

    /// <summary>Display only: how each vendor's deliveries are doing at the store scope.</summary>
    public IList<VendorHealthModel> Health { get; set; } = [];
}
