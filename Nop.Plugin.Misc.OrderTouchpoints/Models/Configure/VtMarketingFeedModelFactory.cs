using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

/// <summary>Fills and saves <see cref="VtMarketingFeedModel"/> for the admin's store scope (0 = all stores).</summary>
public class VtMarketingFeedModelFactory(
    ISettingService settingService,
    IStoreService storeService,
    ILocalizationService localizationService,
    VtMarketingFeedTokens feedTokens)
{
    /// <summary>Up to a day: VTmarketing reads the feed daily, so a longer cache would only serve stale prices.</summary>
    public static readonly SettingRange FeedCacheMinutes = new(0, 1440);

    public async Task<VtMarketingFeedModel> PrepareAsync(int storeScope)
    {
        var settings = await settingService.LoadSettingAsync<OrderTouchpointsVtMarketingSettings>(storeScope);
        var model = new VtMarketingFeedModel
        {
            ActiveStoreScopeConfiguration = storeScope,
            FeedCacheMinutes = settings.FeedCacheMinutes,
            TrackingScript = settings.TrackingScript,
            TrackingScriptPlacementId = (int)settings.TrackingScriptPlacement,
            AvailableTrackingScriptPlacements =
            [
                await PlacementItemAsync(TrackingScriptPlacement.Head, "Plugins.Misc.OrderTouchpoints.VtMarketing.TrackingScriptPlacement.Head"),
                await PlacementItemAsync(TrackingScriptPlacement.BodyEnd, "Plugins.Misc.OrderTouchpoints.VtMarketing.TrackingScriptPlacement.BodyEnd")
            ]
        };
        if (storeScope > 0)
        {
            model.FeedCacheMinutes_OverrideForStore = await settingService.SettingExistsAsync(settings, s => s.FeedCacheMinutes, storeScope);
            model.TrackingScript_OverrideForStore = await settingService.SettingExistsAsync(settings, s => s.TrackingScript, storeScope);
            model.TrackingScriptPlacementId_OverrideForStore = await settingService.SettingExistsAsync(settings, s => s.TrackingScriptPlacement, storeScope);
        }

        foreach (var store in await storeService.GetAllStoresAsync())
        {
            if (storeScope > 0 && store.Id != storeScope)
                continue;
            var storeSettings = await settingService.LoadSettingAsync<OrderTouchpointsVtMarketingSettings>(store.Id);
            var url = storeSettings.Enabled && !string.IsNullOrEmpty(storeSettings.FeedToken) ? VtMarketingFeedUrl.For(store, storeSettings.FeedToken) : null;
            model.FeedUrls.Add(new VtMarketingStoreFeedUrl(store.Name, url));
        }
        return model;
    }

    public async Task ValidateAsync(VtMarketingFeedModel model, int storeScope, FormErrors errors)
    {
        if (storeScope == 0 || model.FeedCacheMinutes_OverrideForStore)
            await errors.RangeAsync($"{nameof(ConfigurationModel.VtMarketingFeed)}.{nameof(model.FeedCacheMinutes)}",
                "Plugins.Misc.OrderTouchpoints.Fields.VtMarketing.FeedCacheMinutes", model.FeedCacheMinutes, FeedCacheMinutes);
    }

    /// <summary>Saves the section; call it after the card's Enabled flag is saved, since it gives newly enabled stores their feed token.</summary>
    public async Task SaveAsync(VtMarketingFeedModel model, int storeScope)
    {
        var settings = await settingService.LoadSettingAsync<OrderTouchpointsVtMarketingSettings>(storeScope);
        // The page refuses an out-of-range value first (ValidateAsync); this keeps a caller that skips it inside the range too.
        settings.FeedCacheMinutes = Math.Clamp(model.FeedCacheMinutes, FeedCacheMinutes.Min, FeedCacheMinutes.Max);
        settings.TrackingScript = string.IsNullOrWhiteSpace(model.TrackingScript) ? null : model.TrackingScript.Trim();
        settings.TrackingScriptPlacement = Enum.IsDefined((TrackingScriptPlacement)model.TrackingScriptPlacementId)
            ? (TrackingScriptPlacement)model.TrackingScriptPlacementId
            : TrackingScriptPlacement.Head;

        await settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.FeedCacheMinutes, model.FeedCacheMinutes_OverrideForStore, storeScope, false);
        await settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.TrackingScript, model.TrackingScript_OverrideForStore, storeScope, false);
        await settingService.SaveSettingOverridablePerStoreAsync(settings, s => s.TrackingScriptPlacement, model.TrackingScriptPlacementId_OverrideForStore, storeScope, false);
        await settingService.ClearCacheAsync();

        await feedTokens.EnsureForEnabledStoresAsync();
    }

    private async Task<SelectListItem> PlacementItemAsync(TrackingScriptPlacement placement, string resourceKey) =>
        new(await localizationService.GetResourceAsync(resourceKey), ((int)placement).ToString());
}
