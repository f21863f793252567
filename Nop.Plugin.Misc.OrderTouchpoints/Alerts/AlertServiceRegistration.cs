using Microsoft.Extensions.DependencyInjection;

namespace Nop.Plugin.Misc.OrderTouchpoints.Alerts;

public static class AlertServiceRegistration
{
    /// <summary>The owner's delivery alerts (scoped, like the nopCommerce services they use).</summary>
    public static IServiceCollection AddOrderTouchpointsAlerts(this IServiceCollection services)
    {
        services.AddScoped<IDeliveryAlertStates, DbDeliveryAlertStates>();
        services.AddScoped<DeliveryAlertTemplates>();
        services.AddScoped<IDeliveryAlerts, DeliveryAlertService>();
        return services;
    }
}
