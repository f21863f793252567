using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

public static class VoyadoServiceRegistration
{
    public static IServiceCollection AddVoyadoTouchpoint(this IServiceCollection services)
    {
        // One limiter registry per process: the rate limit is per API key, whichever store or thread sends.
        services.AddSingleton<VoyadoRateLimiter>();
        services.AddVendorHttpClient<VoyadoClient>();
        services.AddScoped<VoyadoContactPayloadBuilder>();
        services.AddScoped<VoyadoOrderDetailsLoader>();
        services.AddScoped<VoyadoOrderPayloadBuilder>();
        services.AddScoped<VoyadoContactResolver>();
        services.AddTouchpointChannel<VoyadoTouchpointChannel>(TouchpointVendor.VoyadoEngage);
        return services;
    }
}
