using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Stores;
using Nop.Services.Configuration;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

/// <summary>
/// The feed is read by VTmarketing, not by a visitor: texts are in the store's default language and URLs
/// point at that store, whatever host or language the feed request itself came with.
/// </summary>
public class VtMarketingFeedStoreResolver(ILanguageService languageService, ISettingService settingService)
{
    public async Task<VtMarketingFeedStore> ResolveAsync(Store store)
    {
        var language = store.DefaultLanguageId > 0 ? await languageService.GetLanguageByIdAsync(store.DefaultLanguageId) : null;
        // A store without a default language shows the first language available to it.
        language ??= (await languageService.GetAllLanguagesAsync(storeId: store.Id)).FirstOrDefault();

        var localization = await settingService.LoadSettingAsync<LocalizationSettings>(store.Id);
        var prefix = localization.SeoFriendlyUrlsForLanguagesEnabled && !string.IsNullOrWhiteSpace(language?.UniqueSeoCode)
            ? language.UniqueSeoCode.Trim() + "/"
            : string.Empty;

        return new VtMarketingFeedStore(store.Id, language?.Id ?? 0, (store.Url ?? string.Empty).TrimEnd('/') + "/", prefix);
    }
}
