using Nop.Plugin.Misc.OrderTouchpoints.Components;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Services.Cms;

namespace Nop.Plugin.Misc.OrderTouchpoints;

/// <summary>
/// The widget side of the plugin: VTmarketing's storefront tracking snippet. nopCommerce renders a widget
/// plugin only while its system name is in WidgetSettings.ActiveWidgetSystemNames; like nopCommerce's
/// bundled Brevo plugin (a misc plugin with a script widget) it adds itself there on install and hides
/// from the widget list, so the VTmarketing settings alone decide whether and where the snippet appears.
/// </summary>
public partial class OrderTouchpointsPlugin : IWidgetPlugin
{
    public bool HideInWidgetList => true;

    public async Task<IList<string>> GetWidgetZonesAsync()
    {
        var store = await storeContext.GetCurrentStoreAsync();
        var settings = await settingService.LoadSettingAsync<OrderTouchpointsVtMarketingSettings>(store.Id);
        return VtMarketingTrackingScriptZone.For(settings) is { } zone ? [zone] : [];
    }

    public Type GetWidgetViewComponent(string widgetZone) => typeof(VtMarketingTrackingScriptViewComponent);

    private async Task ActivateWidgetAsync()
    {
        if (widgetSettings.ActiveWidgetSystemNames.Contains(OrderTouchpointsDefaults.SystemName))
            return;
        widgetSettings.ActiveWidgetSystemNames.Add(OrderTouchpointsDefaults.SystemName);
        await settingService.SaveSettingAsync(widgetSettings);
    }

    private async Task DeactivateWidgetAsync()
    {
        if (widgetSettings.ActiveWidgetSystemNames.Remove(OrderTouchpointsDefaults.SystemName))
            await settingService.SaveSettingAsync(widgetSettings);
    }
}
