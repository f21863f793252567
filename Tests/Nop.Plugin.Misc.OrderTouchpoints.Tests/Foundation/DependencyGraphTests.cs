using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
using Nop.Services.Events;
using Nop.Services.Plugins;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Foundation;

/// <summary>
/// nopCommerce builds the plugin class, consumers, schedule task, controllers and view components with its
/// container: nopCommerce's own registrations plus what <see cref="PluginNopStartup"/> adds. Here every
/// nopCommerce type a constructor asks for is a Moq mock (or a settings instance), so the test fails exactly
/// when a plugin class needs a plugin service nobody registered — a store would fail on the first order.
/// </summary>
public class DependencyGraphTests
{
    private static readonly Assembly Plugin = typeof(OrderTouchpointsPlugin).Assembly;

    private static IEnumerable<Type> BuiltByNopCommerce() => Plugin.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && (
        typeof(IPlugin).IsAssignableFrom(t)
        || typeof(IScheduleTask).IsAssignableFrom(t)
        || typeof(ControllerBase).IsAssignableFrom(t)
        || typeof(ViewComponent).IsAssignableFrom(t)
        || t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))));

    [Test]
    public void Every_class_nopCommerce_builds_gets_all_its_constructor_arguments()
    {
        var roots = BuiltByNopCommerce().ToList();
        using var provider = BuildWithHostStandIns(roots);
        using var scope = provider.CreateScope();

        Assert.That(roots.Select(t => t.Name), Does.Contain(nameof(OrderTouchpointsPlugin)).And.Contain("OrderEventsConsumer").And.Contain("DeliverySweepTask"));
        foreach (var type in roots)
            Assert.That(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type), Is.InstanceOf(type), type.Name);
    }

    [Test]
    public void Each_vendor_is_known_outside_a_scope_by_the_facts_its_channel_declares()
    {
        using var provider = BuildWithHostStandIns(BuiltByNopCommerce().ToList());
        using var scope = provider.CreateScope();

        var declared = scope.ServiceProvider.GetServices<ITouchpointChannel>().Select(c => c.Facts).OrderBy(f => f.Vendor).ToList();

        Assert.That(declared.Select(f => f.Vendor), Is.EqualTo(Enum.GetValues<TouchpointVendor>()), "one channel per vendor");
        Assert.That(provider.GetRequiredService<RegisteredVendors>().All, Is.EqualTo(declared));
        Assert.That(declared.Select(f => f.Name), Is.EqualTo(new[] { "Transactionale", "Voyado Engage", "VTmarketing" }));
    }

    /// <summary>
    /// nopCommerce's system warnings (CommonModelFactory) flag every Nop.* service type registered with more than one
    /// implementation type outside its own assemblies; a store owner reads that as "this plugin is broken".
    /// </summary>
    [Test]
    public void No_service_type_has_two_implementation_types_so_the_admin_shows_no_override_warning()
    {
        var services = new ServiceCollection();
        new PluginNopStartup().ConfigureServices(services, new ConfigurationBuilder().Build());

        var flagged = services
            .Where(d => d.ServiceType.FullName?.StartsWith("Nop.", StringComparison.Ordinal) == true && d.ImplementationType is not null)
            .GroupBy(d => d.ServiceType.FullName)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key);

        Assert.That(flagged, Is.Empty);
        Assert.That(services.Count(d => d.ServiceType == typeof(ITouchpointChannel)), Is.EqualTo(3), "all three channels are still enumerated");
    }

    /// <summary>The plugin's registrations, with a stand-in for every nopCommerce type its classes or <paramref name="roots"/> ask for.</summary>
    private static ServiceProvider BuildWithHostStandIns(IReadOnlyList<Type> roots)
    {
        var services = new ServiceCollection();
        new PluginNopStartup().ConfigureServices(services, new ConfigurationBuilder().Build());
        services.AddLogging();
        foreach (var hostType in HostTypesNeeded(services, roots))
            services.AddScoped(hostType, _ => StandIn(hostType));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>nopCommerce types reachable from the roots' and the plugin registrations' constructors.</summary>
    private static HashSet<Type> HostTypesNeeded(IServiceCollection services, IEnumerable<Type> roots)
    {
        var registered = services.Select(d => d.ServiceType).ToHashSet();
        var pending = new Queue<Type>(roots.Concat(services.Select(d => d.ImplementationType).OfType<Type>()));
        var seen = new HashSet<Type>();
        var host = new HashSet<Type>();
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type) || type.IsGenericTypeDefinition)
                continue;
            foreach (var constructor in type.GetConstructors())
            foreach (var parameter in constructor.GetParameters().Select(p => p.ParameterType))
            {
                var needed = parameter.IsGenericType && parameter.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                    ? parameter.GetGenericArguments()[0]
                    : parameter;
                if (IsNopCommerce(needed) && !registered.Contains(needed))
                    host.Add(needed);
                else if (needed.Assembly == Plugin)
                    pending.Enqueue(needed);
            }
        }
        return host;
    }

    private static bool IsNopCommerce(Type type) => type.Assembly.GetName().Name is { } name && name.StartsWith("Nop.") && type.Assembly != Plugin;

    private static object StandIn(Type type) => type.IsInterface || type.IsAbstract
        ? ((Mock)Activator.CreateInstance(typeof(Mock<>).MakeGenericType(type))!).Object
        : Activator.CreateInstance(type)!;
}
