using Nop.Core;
using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Common;
using Nop.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Localization;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Plugins;

namespace Nop.Plugin.Misc.OrderTouchpoints;

/// <summary>
/// Install: default settings for all stores and English/Italian texts. The outbox table comes from the
/// installation migration in Data/. Uninstall removes everything the plugin created; nopCommerce then
/// reverses the migration (drops the table).
/// </summary>
public partial class OrderTouchpointsPlugin(
    ISettingService settingService,
    ILocalizationService localizationService,
    ILanguageService languageService,
    IRepository<GenericAttribute> genericAttributeRepository,
    IWebHelper webHelper,
    WidgetSettings widgetSettings,
    IStoreContext storeContext) : BasePlugin, IMiscPlugin
{
    public override string GetConfigurationPageUrl() => $"{webHelper.GetStoreLocation()}{OrderTouchpointsDefaults.ConfigurationPath}";

    public override async Task InstallAsync()
    {
        await settingService.SaveSettingAsync(new OrderTouchpointsTransactionaleSettings());
        await settingService.SaveSettingAsync(new OrderTouchpointsVoyadoSettings());
        await settingService.SaveSettingAsync(new OrderTouchpointsVtMarketingSettings());
        await settingService.SaveSettingAsync(new OrderTouchpointsDeliverySettings());
        await ActivateWidgetAsync();

        await localizationService.AddOrUpdateLocaleResourceAsync(LocaleResources.All.ToDictionary(t => t.Key, t => t.English));
        var italian = LocaleResources.All.ToDictionary(t => t.Key, t => t.Italian);
        foreach (var language in await languageService.GetAllLanguagesAsync(showHidden: true))
        {
            if (language.LanguageCulture?.StartsWith("it", StringComparison.OrdinalIgnoreCase) == true)
                await localizationService.AddOrUpdateLocaleResourceAsync(italian, language.Id);
        }

        await base.InstallAsync();
    }

    public override async Task UninstallAsync()
    {
        await settingService.DeleteSettingAsync<OrderTouchpointsTransactionaleSettings>();
        await settingService.DeleteSettingAsync<OrderTouchpointsVoyadoSettings>();
        await settingService.DeleteSettingAsync<OrderTouchpointsVtMarketingSettings>();
        await settingService.DeleteSettingAsync<OrderTouchpointsDeliverySettings>();
        await DeactivateWidgetAsync();

        await localizationService.DeleteLocaleResourcesAsync(OrderTouchpointsDefaults.ResourcePrefix);

        await genericAttributeRepository.DeleteAsync(attribute => attribute.Key == OrderTouchpointsDefaults.VoyadoContactIdAttribute);

        await base.UninstallAsync();
    }
}
