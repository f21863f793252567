using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;
using Nop.Plugin.Misc.OrderTouchpoints.Models.DeliveryLog;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Health;

namespace Nop.Plugin.Misc.OrderTouchpoints.Controllers;

public static class AdminServiceRegistration
{
    /// <summary>What the configure page needs besides the controller (which MVC creates itself).</summary>
    public static IServiceCollection AddOrderTouchpointsAdmin(this IServiceCollection services)
    {
        services.AddScoped<TransactionaleSettingsForm>();
        services.AddScoped<VoyadoSettingsForm>();
        services.AddScoped<VtMarketingSettingsForm>();
        services.AddScoped<VtMarketingFeedModelFactory>();
        services.AddScoped<DeliverySettingsForm>();
        services.AddScoped<AlertSettingsForm>();
        services.AddScoped<ConfigurationForm>();
        services.AddScoped<PayloadPreviewFactory>();
        services.AddScoped<VendorHealthModelFactory>();
        services.AddScoped<DeliveryLogModelFactory>();
        services.AddScoped<WidgetActivation>();
        services.AddScoped<DeliveryHealthModelFactory>();
        return services;
    }
}
