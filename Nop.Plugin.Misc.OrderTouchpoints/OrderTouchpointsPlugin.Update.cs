using Nop.Plugin.Misc.OrderTouchpoints.Alerts;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Localization;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints;

/// <summary>
/// nopCommerce calls UpdateAsync when an uploaded version is newer than the installed one; install never
/// runs again, so what a later version added reaches an upgraded store only here. A text the owner edited
/// stays as it is: only missing texts are added (a changed meaning gets a new key). Settings keep their
/// stored values; only settings the previous version did not have get their defaults.
/// </summary>
public partial class OrderTouchpointsPlugin
{
    public override async Task UpdateAsync(string currentVersion, string targetVersion)
    {
        await SaveMissingDefaultsAsync<OrderTouchpointsTransactionaleSettings>();
        await SaveMissingDefaultsAsync<OrderTouchpointsVoyadoSettings>();
        await SaveMissingDefaultsAsync<OrderTouchpointsVtMarketingSettings>();
        await SaveMissingDefaultsAsync<OrderTouchpointsDeliverySettings>();
        await SaveMissingDefaultsAsync<OrderTouchpointsAlertSettings>();
        // Settings whose meaning changed, after the defaults: Transactionale without a consent used to mean "send every order".
        await transactionaleConsentUpgrade.ApplyAsync();
        await AddMissingTextsAsync();
        await RemoveRetiredTextsAsync();
        await alertTemplates.EnsureAsync();
        await widgetActivation.EnsureActiveAsync(0);
        await EnsureSweepTaskAsync();
        await base.UpdateAsync(currentVersion, targetVersion);
    }

    // Loading fills what is not stored with the class's defaults; saving writes the stored values back unchanged.
    private async Task SaveMissingDefaultsAsync<TSettings>() where TSettings : Nop.Core.Configuration.ISettings, new() =>
        await settingService.SaveSettingAsync(await settingService.LoadSettingAsync<TSettings>(0), 0);

    // Texts of things a later version no longer has: 1.2's "Queued to send" status.
    private async Task RemoveRetiredTextsAsync()
    {
        foreach (var key in LocaleResources.Retired)
            await localizationService.DeleteLocaleResourcesAsync(key);
    }

    private async Task AddMissingTextsAsync()
    {
        foreach (var language in await languageService.GetAllLanguagesAsync(showHidden: true))
        {
            var missing = new Dictionary<string, string>();
            foreach (var text in LocaleResources.All)
            {
                var stored = await localizationService.GetResourceAsync(text.Key, language.Id, logIfNotFound: false, defaultValue: string.Empty,
                    returnEmptyIfNotFound: true);
                if (string.IsNullOrEmpty(stored))
                    missing[text.Key] = IsItalian(language) ? text.Italian : text.English;
            }
            if (missing.Count > 0)
                await localizationService.AddOrUpdateLocaleResourceAsync(missing, language.Id);
        }
    }
}
