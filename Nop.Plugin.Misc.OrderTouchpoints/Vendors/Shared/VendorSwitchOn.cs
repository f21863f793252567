using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>When a vendor went on for a store, as reconciliation must see it in a multi-store nopCommerce.</summary>
public static class VendorSwitchOn
{
    /// <summary>
    /// A store that overrides "enabled" has its own time. A store that follows "all stores" is on since the later of its own
    /// time (recorded when its override was removed while "all stores" was on) and the all-stores time: nopCommerce's
    /// store-over-default lookup alone would keep a stale store time after "all stores" was switched off and on again, or
    /// the months-old all-stores time for a store that was off until a moment ago, and reconciliation would queue the
    /// store's orders placed while the vendor was off for it.
    /// </summary>
    public static async Task<DateTime?> EnabledOnUtcAsync<TSettings>(this ISettingService settingService, int storeId)
        where TSettings : VendorSettings, new()
    {
        var store = await settingService.LoadSettingAsync<TSettings>(storeId);
        if (storeId == 0 || await settingService.SettingExistsAsync(store, s => s.Enabled, storeId))
            return store.EnabledOnUtc;
        var allStores = (await settingService.LoadSettingAsync<TSettings>(0)).EnabledOnUtc;
        return allStores is null || store.EnabledOnUtc > allStores ? store.EnabledOnUtc : allStores;
    }
}
