using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Web.Framework.Infrastructure.Extensions;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;

public static class TransactionaleServiceRegistration
{
    public static IServiceCollection AddTransactionaleTouchpoint(this IServiceCollection services)
    {
        // WithProxy applies the proxy the store owner configured in nopCommerce's admin.
        services.AddHttpClient<TransactionaleClient>().WithProxy();
        services.AddScoped<TransactionalePayloadBuilder>();
        services.AddScoped<TransactionaleConsentUpgrade>();
        services.AddTouchpointChannel<TransactionaleTouchpointChannel>();
        return services;
    }
}
