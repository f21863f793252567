using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Web.Framework.Infrastructure.Extensions;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

public static class VtMarketingServiceRegistration
{
    public static IServiceCollection AddVtMarketingTouchpoint(this IServiceCollection services)
    {
        // WithProxy applies the proxy the store owner configured in nopCommerce's admin.
        services.AddHttpClient<VtMarketingClient>().WithProxy();
        services.AddScoped<VtMarketingPayloadBuilder>();
        services.AddTouchpointChannel<VtMarketingTouchpointChannel>();
        return services;
    }
}
