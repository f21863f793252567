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

/// <summary>A registered channel: its vendor's facts and its type, so one delivery resolves only its own vendor's channel.</summary>
public sealed record TouchpointChannelType(VendorFacts Facts, Type Type);

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
        services.AddSingleton(new TouchpointChannelType(facts, typeof(TChannel)));
        services.TryAddSingleton(provider => new RegisteredVendors(provider.GetServices<TouchpointChannelType>().Select(channel => channel.Facts)));
        return services;
    }

    /// <summary>
    /// The channel of one vendor. Every send has a DI scope of its own, and nopCommerce's container (Autofac) builds a
    /// channel's whole service graph in it: enumerating <see cref="ITouchpointChannel"/> built all three vendors' graphs
    /// per delivery, the largest share of the dispatcher's CPU in the store. A channel added without a registered type
    /// (a test's stand-in) is still found by enumeration.
    /// </summary>
    public static ITouchpointChannel? GetTouchpointChannel(this IServiceProvider services, TouchpointVendor vendor)
    {
        foreach (var registered in services.GetServices<TouchpointChannelType>())
        {
            if (registered.Facts.Vendor == vendor && services.GetService(registered.Type) is ITouchpointChannel channel && channel.Facts.Vendor == vendor)
                return channel;
        }
        return services.GetServices<ITouchpointChannel>().FirstOrDefault(c => c.Facts.Vendor == vendor);
    }
}
