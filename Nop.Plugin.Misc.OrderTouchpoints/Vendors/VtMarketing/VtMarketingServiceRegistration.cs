using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

public static class VtMarketingServiceRegistration
{
    public static IServiceCollection AddVtMarketingTouchpoint(this IServiceCollection services)
    {
        services.AddVendorHttpClient<VtMarketingClient>();
        services.AddScoped<VtMarketingPayloadBuilder>();
        services.AddTouchpointChannel<VtMarketingTouchpointChannel>(TouchpointVendor.VtMarketing);
        return services;
    }
}
