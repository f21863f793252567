using Nop.Services.Configuration;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;

/// <summary>
/// Upgrades settings saved before the consent rule existed. There, "no consent" (0) was the default and meant
/// "send every order", so a store where Transactionale is enabled without a consent kept that meaning only
/// implicitly; it now gets <see cref="OrderTouchpointsTransactionaleSettings.SendWithoutConsentCheck"/> saved
/// explicitly, at the scope it is in effect, so it keeps sending and the configure page shows the choice.
/// Stores with a consent, and disabled ones, are left alone: a disabled store must choose when it is enabled.
/// </summary>
public class TransactionaleConsentUpgrade(ISettingService settingService, IStoreService storeService)
{
    /// <summary>Returns the store ids (0 = all stores) that were given "send without a consent check".</summary>
    public async Task<IReadOnlyList<int>> ApplyAsync()
    {
        var upgraded = new List<int>();
        if (await UpgradeAsync(0))
        {
            upgraded.Add(0);
            // nopCommerce reads settings from a cached copy of the table that a write leaves as it was: without
            // this, every store that only inherits would still read "not chosen" and get a value of its own,
            // which would stop it following later "all stores" changes.
            await settingService.ClearCacheAsync();
        }
        foreach (var store in await storeService.GetAllStoresAsync())
        {
            if (await UpgradeAsync(store.Id))
                upgraded.Add(store.Id);
        }
        if (upgraded.Any(storeId => storeId != 0))
            await settingService.ClearCacheAsync();
        return upgraded;
    }

    private async Task<bool> UpgradeAsync(int storeId)
    {
        // Loaded per store, so a store inheriting an already upgraded "all stores" value needs nothing of its own.
        var settings = await settingService.LoadSettingAsync<OrderTouchpointsTransactionaleSettings>(storeId);
        if (!settings.Enabled || TransactionaleConsentRule.ModeOf(settings) != TransactionaleConsentMode.NotChosen)
            return false;
        settings.SendWithoutConsentCheck = true;
        await settingService.SaveSettingAsync(settings, x => x.SendWithoutConsentCheck, storeId, clearCache: false);
        return true;
    }
}
