using Nop.Core.Domain.Cms;
using Nop.Services.Configuration;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;

/// <summary>
/// Keeps the plugin in WidgetSettings.ActiveWidgetSystemNames, which nopCommerce reads per store: a store
/// either has its own list or uses the all-stores one. The list is changed in the scope it is read from
/// — a store's own list when it has one, the all-stores list otherwise — and only that property is
/// written, so a store's other widget settings never get copied into another scope.
/// </summary>
public class WidgetActivation(ISettingService settingService, IStoreService storeService)
{
    public async Task EnsureActiveAsync(int storeScope)
    {
        var scope = await ListScopeAsync(storeScope);
        var settings = await settingService.LoadSettingAsync<WidgetSettings>(scope);
        if (settings.ActiveWidgetSystemNames.Contains(OrderTouchpointsDefaults.SystemName))
            return;
        settings.ActiveWidgetSystemNames.Add(OrderTouchpointsDefaults.SystemName);
        await settingService.SaveSettingAsync(settings, s => s.ActiveWidgetSystemNames, scope);
    }

    /// <summary>Removes the plugin from the all-stores list and from every store's own list.</summary>
    public async Task RemoveEverywhereAsync()
    {
        var scopes = new List<int> { 0 };
        foreach (var store in await storeService.GetAllStoresAsync())
        {
            if (await ListScopeAsync(store.Id) == store.Id)
                scopes.Add(store.Id);
        }
        foreach (var scope in scopes)
        {
            var settings = await settingService.LoadSettingAsync<WidgetSettings>(scope);
            if (settings.ActiveWidgetSystemNames.Remove(OrderTouchpointsDefaults.SystemName))
                await settingService.SaveSettingAsync(settings, s => s.ActiveWidgetSystemNames, scope);
        }
    }

    private async Task<int> ListScopeAsync(int storeScope) =>
        storeScope > 0 && await settingService.SettingExistsAsync(new WidgetSettings(), s => s.ActiveWidgetSystemNames, storeScope)
            ? storeScope
            : 0;
}
