using Nop.Core.Events;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Services.Events;
using Nop.Services.Logging;
using Nop.Services.Plugins;

namespace Nop.Plugin.Misc.OrderTouchpoints.Events;

/// <summary>
/// Wakes the delivery worker once the store has started with the plugin installed. The worker touches nothing before its
/// first wake-up (the plugin may be uploaded but not installed yet); without this one, a node that restarted would leave
/// the rows of a killed node and the retries that came due while it was down until the next order event or the sweep,
/// minutes later. nopCommerce publishes the event once its own start-up work (pending installs, updates, migrations) is done.
/// </summary>
public class AppStartedConsumer(IPluginService pluginService, DeliverySignal signal, ILogger logger) : IConsumer<AppStartedEvent>
{
    public async Task HandleEventAsync(AppStartedEvent eventMessage)
    {
        try
        {
            var plugin = await pluginService.GetPluginDescriptorBySystemNameAsync<IPlugin>(OrderTouchpointsDefaults.SystemName);
            if (plugin is { Installed: true })
                signal.Raise();
        }
        catch (Exception exception)
        {
            // The store starts whatever happens here; the first order event or the sweep wakes the worker instead.
            await logger.WarningAsync($"Order touchpoints: could not tell whether the plugin is installed at start-up ({exception.GetType().Name}); "
                + "waiting deliveries go out with the next order or the delivery sweep.");
        }
    }
}
