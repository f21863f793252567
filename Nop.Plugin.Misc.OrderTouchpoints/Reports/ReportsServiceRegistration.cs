using Microsoft.Extensions.DependencyInjection;

namespace Nop.Plugin.Misc.OrderTouchpoints.Reports;

public static class ReportsServiceRegistration
{
    /// <summary>The admin's reports and resends on the outbox (scoped, like the outbox and nopCommerce's repositories).</summary>
    public static IServiceCollection AddDeliveryReports(this IServiceCollection services)
    {
        services.AddScoped<IDeliveryReports, DbDeliveryReports>();
        services.AddScoped<DeliveryResends>();
        return services;
    }
}
