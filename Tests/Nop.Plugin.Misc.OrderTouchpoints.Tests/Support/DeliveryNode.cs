using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>
/// One "process" of the store: its own DI container, dispatcher, signal and vendor gate, over an
/// outbox and a vendor that outlive it (the database and the vendor). Two nodes over one outbox are two
/// web-farm nodes; disposing a node and creating another is a restart.
/// </summary>
public sealed class DeliveryNode : IAsyncDisposable
{
    private readonly HttpClient _client = new();

    public DeliveryNode(IDeliveryOutbox outbox, ManualTimeProvider time, ScriptedVendor vendor,
        OrderTouchpointsDeliverySettings? settings = null, Action<IServiceCollection>? configure = null)
    {
        Settings = settings ?? new OrderTouchpointsDeliverySettings();
        var settingService = new Mock<ISettingService>();
        settingService.Setup(s => s.LoadSettingAsync<OrderTouchpointsDeliverySettings>(It.IsAny<int>())).ReturnsAsync(() => Settings);

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(outbox);
        services.AddSingleton<IErasedCustomers>(Erased);
        services.AddSingleton(settingService.Object);
        services.AddSingleton(Logger.Object);
        // Each node its own lease table: nodes over one outbox still send with the key in parallel, as without a web farm.
        services.AddSingleton<IVendorLeaseStore>(new InMemoryVendorLeaseStore());
        services.AddSingleton<VendorGate>();
        services.AddScoped<VendorRequestSender>();
        services.AddScoped<ITouchpointChannel>(sp => new LoopbackTouchpointChannel(vendor.Server.BaseUri, _client,
            sp.GetRequiredService<VendorRequestSender>(), UnsendableOrders, enabledOnUtc: () => VendorEnabledOnUtc));
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddSingleton<DeliveryWorker>();
        configure?.Invoke(services);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public OrderTouchpointsDeliverySettings Settings { get; set; }

    /// <summary>Erased customers; an order's customer id is the order id here.</summary>
    public InMemoryErasedCustomers Erased { get; } = new(orderId => orderId);

    public Mock<ILogger> Logger { get; } = new();

    /// <summary>When the node's vendor was switched on, as its channel reports it to reconciliation (null: never).</summary>
    public DateTime? VendorEnabledOnUtc { get; set; }

    /// <summary>Orders the channel answers CannotSend for.</summary>
    public HashSet<int> UnsendableOrders { get; } = [];

    public ServiceProvider Services { get; }

    public DeliveryDispatcher Dispatcher => Services.GetRequiredService<DeliveryDispatcher>();

    public DeliverySignal Signal => Services.GetRequiredService<DeliverySignal>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _client.Dispose();
    }
}
