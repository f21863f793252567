using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Web.Framework.Infrastructure;

namespace Nop.Plugin.Misc.OrderTouchpoints.Components;

/// <summary>
/// Which public widget zone gets VTmarketing's snippet for a store, or none. Only storefront layouts
/// render these zones, so admin pages never get the snippet.
/// </summary>
public static class VtMarketingTrackingScriptZone
{
    public static string? For(OrderTouchpointsVtMarketingSettings settings) =>
        !settings.Enabled || string.IsNullOrWhiteSpace(settings.TrackingScript)
            ? null
            : settings.TrackingScriptPlacement == TrackingScriptPlacement.BodyEnd
                ? PublicWidgetZones.BodyEndHtmlTagBefore
                : PublicWidgetZones.HeadHtmlTag;
}
