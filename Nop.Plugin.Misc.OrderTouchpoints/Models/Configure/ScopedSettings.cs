using System.Linq.Expressions;
using Nop.Core.Configuration;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

/// <summary>
/// One settings object seen from the admin's store scope: which properties the store overrides, and
/// saving each one the nopCommerce way (a store value only while its override box is ticked).
/// </summary>
public sealed class ScopedSettings<T>(ISettingService settingService, T settings, int storeScope) where T : ISettings, new()
{
    public T Settings => settings;

    public int StoreScope => storeScope;

    /// <summary>Whether the property applies at this scope: everything at "all stores", ticked overrides at a store.</summary>
    public bool Applies(bool overrideForStore) => storeScope == 0 || overrideForStore;

    public async Task<bool> IsOverriddenAsync<TProp>(Expression<Func<T, TProp>> property) =>
        storeScope > 0 && await settingService.SettingExistsAsync(settings, property, storeScope);

    public Task SaveAsync<TProp>(Expression<Func<T, TProp>> property, bool overrideForStore) =>
        settingService.SaveSettingOverridablePerStoreAsync(settings, property, overrideForStore, storeScope, clearCache: false);
}
