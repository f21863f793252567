using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;

/// <summary>
/// Counts every request the node serves for <see cref="CheckoutFirst"/>. A startup filter, not the plugin's
/// <c>INopStartup.Configure</c>: nopCommerce calls that after its endpoint middleware, which ends every routed request
/// (a checkout included) before a middleware added there would see it.
/// </summary>
public sealed class CheckoutFirstStartupFilter(CheckoutFirst checkoutFirst) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => application =>
    {
        application.Use(async (context, nextMiddleware) =>
        {
            checkoutFirst.RequestStarted();
            try
            {
                await nextMiddleware(context);
            }
            finally
            {
                checkoutFirst.RequestEnded();
            }
        });
        next(application);
    };
}
