using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

/// <summary>
/// The product feed and tracking script part of the VTmarketing card. Meant as a property of the
/// configure model, rendered with <c>&lt;partial name="~/Plugins/Misc.OrderTouchpoints/Views/_VtMarketingFeed.cshtml" for="…" /&gt;</c>
/// so the field names carry the property's prefix and bind back on save.
/// </summary>
public record VtMarketingFeedModel
{
    /// <summary>Name of the submit button that asks for new feed tokens (for the store scope shown).</summary>
    public const string RegenerateTokenButton = "regenerate-vtmarketing-feed-token";

    /// <summary>Success notification after <see cref="RegenerateTokenButton"/>.</summary>
    public const string TokenRegeneratedResource = "Plugins.Misc.OrderTouchpoints.VtMarketing.Feed.TokenRegenerated";

    /// <summary>Error notification when the new tokens could not be saved (after the page was).</summary>
    public const string TokenNotRegeneratedResource = "Plugins.Misc.OrderTouchpoints.VtMarketing.Feed.TokenNotRegenerated";

    public int ActiveStoreScopeConfiguration { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.VtMarketing.FeedUrl")]
    public IList<VtMarketingStoreFeedUrl> FeedUrls { get; set; } = [];

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.VtMarketing.FeedCacheMinutes")]
    public int FeedCacheMinutes { get; set; }
    public bool FeedCacheMinutes_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.VtMarketing.TrackingScript")]
    public string? TrackingScript { get; set; }
    public bool TrackingScript_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.VtMarketing.TrackingScriptPlacement")]
    public int TrackingScriptPlacementId { get; set; }
    public bool TrackingScriptPlacementId_OverrideForStore { get; set; }
    public IList<SelectListItem> AvailableTrackingScriptPlacements { get; set; } = [];
}

/// <summary>A store's feed URL; null when VTmarketing is not enabled for the store (no token yet).</summary>
public record VtMarketingStoreFeedUrl(string StoreName, string? Url);
