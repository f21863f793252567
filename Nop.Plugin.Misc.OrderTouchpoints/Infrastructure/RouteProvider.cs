using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;

/// <summary>The configure page's address (<see cref="OrderTouchpointsPlugin.GetConfigurationPageUrl"/>); its form posts use the admin area's default route.</summary>
public class RouteProvider : IRouteProvider
{
    public const string ConfigureRouteName = "Plugin.Misc.OrderTouchpoints.Configure";

    public void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder)
    {
        endpointRouteBuilder.MapControllerRoute(name: ConfigureRouteName,
            pattern: OrderTouchpointsDefaults.ConfigurationPath,
            defaults: new { controller = "OrderTouchpointsConfiguration", action = "Configure", area = AreaNames.ADMIN });
    }

    public int Priority => 0;
}
