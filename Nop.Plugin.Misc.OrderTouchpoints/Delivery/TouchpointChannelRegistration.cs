using Microsoft.Extensions.DependencyInjection;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

public static class TouchpointChannelRegistration
{
    /// <summary>
    /// Adds a vendor's channel to the channels the consumer, dispatcher and admin enumerate. nopCommerce's admin shows
    /// a warning ("… interface/class has been overridden in those assemblies") for every <c>Nop.*</c> service type a
    /// plugin registers with more than one implementation type, which it takes for plugins fighting over a core
    /// service. The channel is therefore registered as itself, and <see cref="ITouchpointChannel"/> resolves to it.
    /// </summary>
    public static IServiceCollection AddTouchpointChannel<TChannel>(this IServiceCollection services) where TChannel : class, ITouchpointChannel
    {
        services.AddScoped<TChannel>();
        services.AddScoped<ITouchpointChannel>(provider => provider.GetRequiredService<TChannel>());
        return services;
    }
}
