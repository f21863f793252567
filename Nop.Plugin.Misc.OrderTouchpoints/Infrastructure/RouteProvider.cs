using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;

/// <summary>
/// The configure page's address (<see cref="OrderTouchpointsPlugin.GetConfigurationPageUrl"/>; the admin
/// forms post through the admin area's default route) and the public VTmarketing product feed, one URL per
/// store, e.g. /order-touchpoints/vtmarketing/feed/1.csv?token=….
/// </summary>
public class RouteProvider : IRouteProvider
{
    public const string ConfigureRouteName = "Plugin.Misc.OrderTouchpoints.Configure";
    public const string VtMarketingFeedRouteName = "Plugin.Misc.OrderTouchpoints.VtMarketingFeed";

    public void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder)
    {
        endpointRouteBuilder.MapControllerRoute(name: ConfigureRouteName,
            pattern: OrderTouchpointsDefaults.ConfigurationPath,
            defaults: new { controller = "OrderTouchpointsConfiguration", action = "Configure", area = AreaNames.ADMIN });

        endpointRouteBuilder.MapControllerRoute(name: VtMarketingFeedRouteName,
            pattern: VtMarketingFeedUrl.RoutePattern,
            defaults: new { controller = "VtMarketingFeed", action = "Feed" });
    }

    public int Priority => 0;
}
