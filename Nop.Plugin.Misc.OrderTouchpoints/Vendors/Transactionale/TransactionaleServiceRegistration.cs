using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;

public static class TransactionaleServiceRegistration
{
    public static IServiceCollection AddTransactionaleTouchpoint(this IServiceCollection services)
    {
        services.AddVendorHttpClient<TransactionaleClient>();
        services.AddScoped<TransactionalePayloadBuilder>();
        services.AddScoped<TransactionaleConsentUpgrade>();
        services.AddTouchpointChannel<TransactionaleTouchpointChannel>(TouchpointVendor.Transactionale);
        return services;
    }
}
