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
    /// Registers a vendor's channel and its facts. nopCommerce's admin warns ("… has been overridden in those assemblies")
    /// about any <c>Nop.*</c> service type registered with several implementation types, so each channel is registered as
    /// itself and <see cref="ITouchpointChannel"/> resolves to it.
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
    /// The channel of one vendor, built alone: in a send's scope Autofac builds a channel's whole nopCommerce service graph,
    /// and enumerating the channels built all three per delivery. A test's stand-in without a type is found by enumeration.
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
