using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

public static class DeliveryServiceRegistration
{
    /// <summary>
    /// The outbox (scoped, like nopCommerce's repositories), the process-wide signal, dispatcher and
    /// background worker, and the sweep task's helpers. Consumers in Events/ are found by nopCommerce itself.
    /// </summary>
    public static IServiceCollection AddTouchpointDelivery(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DatabaseClock>();
        services.AddScoped<IDeliveryOutbox, DbDeliveryOutbox>();
        services.AddScoped<IVendorLeaseStore, DbVendorLeaseStore>();
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddHostedService<DeliveryWorker>();
        services.AddScoped<IErasedCustomers, DbErasedCustomers>();
        services.AddSingleton<KnownErasures>();
        services.AddScoped<DeliveryReconciler>();
        services.AddScoped<DeliverySweepTask>();
        return services;
    }
}
