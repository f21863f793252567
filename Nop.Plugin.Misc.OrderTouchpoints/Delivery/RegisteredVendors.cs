using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>The facts of every vendor whose channel is registered, for code that names vendors outside a delivery.</summary>
public sealed class RegisteredVendors(IEnumerable<VendorFacts> registered)
{
    private readonly Dictionary<TouchpointVendor, VendorFacts> _byVendor = registered.ToDictionary(facts => facts.Vendor);

    /// <summary>In the order of their stored ids, as lists and filters show them.</summary>
    public IReadOnlyList<VendorFacts> All { get; } = [.. registered.OrderBy(facts => facts.Vendor)];

    public VendorFacts Of(TouchpointVendor vendor) => _byVendor.TryGetValue(vendor, out var facts) ? facts : VendorFacts.Unregistered(vendor);
}

public static class TouchpointChannelRegistration
{
    /// <summary>
    /// Adds a vendor's channel to the channels the consumer, dispatcher and admin enumerate, and its facts to
    /// <see cref="RegisteredVendors"/>. nopCommerce's admin shows a warning ("… interface/class has been overridden in those
    /// assemblies") for every <c>Nop.*</c> service type a plugin registers with more than one implementation type, which it
    /// takes for plugins fighting over a core service. The channel is therefore registered as itself, and
    /// <see cref="ITouchpointChannel"/> resolves to it.
    /// </summary>
    public static IServiceCollection AddTouchpointChannel<TChannel>(this IServiceCollection services, VendorFacts facts)
        where TChannel : class, ITouchpointChannel
    {
        services.AddScoped<TChannel>();
        services.AddScoped<ITouchpointChannel>(provider => provider.GetRequiredService<TChannel>());
        services.AddSingleton(facts);
        services.TryAddSingleton<RegisteredVendors>();
        return services;
    }
}
