using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Events;
using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

namespace Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;

/// <summary>
/// The plugin's own startup registration in a plain ServiceCollection, as nopCommerce would build it, with
/// three substitutions: nopCommerce's services answer from the in-memory shop, the outbox, its reports (and the list of erased customers) live in memory,
/// and the clock is the given one. Everything else — consumer, dispatcher, worker, channels, payload
/// builders, typed HTTP clients, the vendor gate — is the real plugin code.
/// </summary>
public sealed class TouchpointHost : IAsyncDisposable
{
    private readonly List<IHostedService> _started = [];

    private TouchpointHost(ServiceProvider services, InMemoryNopServices nop)
    {
        Services = services;
        Nop = nop;
    }

    public ServiceProvider Services { get; }
    public InMemoryNopServices Nop { get; }
    public InMemoryDeliveryOutbox Outbox => Services.GetRequiredService<InMemoryDeliveryOutbox>();
    public InMemoryDeliveryReports Reports => Services.GetRequiredService<InMemoryDeliveryReports>();
    public TimeProvider Time => Services.GetRequiredService<TimeProvider>();

    public static TouchpointHost Create(ShopFixture shop, InMemorySettingStore settings, TimeProvider time, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        new PluginNopStartup().ConfigureServices(services, new ConfigurationBuilder().Build());
        services.RemoveAll<IVendorLeaseStore>();
        services.AddSingleton<IVendorLeaseStore, InMemoryVendorLeaseStore>();
        services.RemoveAll<IDeliveryOutbox>();
        services.AddSingleton<InMemoryDeliveryOutbox>();
        services.AddSingleton<IDeliveryOutbox>(sp => sp.GetRequiredService<InMemoryDeliveryOutbox>());
        services.RemoveAll<IDeliveryReports>();
        services.AddSingleton<InMemoryDeliveryReports>();
        services.AddSingleton<IDeliveryReports>(sp => sp.GetRequiredService<InMemoryDeliveryReports>());
        // nopCommerce finds consumers itself and resolves them per event in a scope.
        services.AddScoped<OrderEventsConsumer>();
        var nop = new InMemoryNopServices(shop, settings);
        nop.Register(services);
        services.RemoveAll<IOrderQueries>();
        services.AddSingleton<IOrderQueries>(new InMemoryOrderQueries(shop));
        services.RemoveAll<IErasedCustomers>();
        services.AddSingleton<IErasedCustomers>(new InMemoryErasedCustomers(nop.CustomerOfOrder));
        configure?.Invoke(services);
        return new TouchpointHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), nop);
    }

    /// <summary>Starts the background delivery worker (the plugin's hosted service), as the host does at start-up.</summary>
    public async Task StartWorkerAsync()
    {
        foreach (var service in Services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
            _started.Add(service);
        }
    }

    /// <summary>What nopCommerce does at the end of checkout: publish OrderPlacedEvent to the consumer, in a scope.</summary>
    public async Task PlaceOrderAsync(Order order)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OrderEventsConsumer>().HandleEventAsync(new OrderPlacedEvent(order));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _started)
            await service.StopAsync(CancellationToken.None);
        await Services.DisposeAsync();
    }
}
