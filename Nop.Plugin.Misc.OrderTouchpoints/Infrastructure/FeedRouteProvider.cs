using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;

/// <summary>The public product feed: one URL per store, e.g. /order-touchpoints/vtmarketing/feed/1.csv?token=….</summary>
public class FeedRouteProvider : IRouteProvider
{
    public const string VtMarketingFeedRouteName = "Plugin.Misc.OrderTouchpoints.VtMarketingFeed";

    public void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder)
    {
        endpointRouteBuilder.MapControllerRoute(name: VtMarketingFeedRouteName,
            pattern: VtMarketingFeedUrl.RoutePattern,
            defaults: new { controller = "VtMarketingFeed", action = "Feed" });
    }

    public int Priority => 0;
}
