using Nop.Core;
using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.ScheduleTasks;
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
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.OrderTouchpoints;

/// <summary>
/// Install: default settings for all stores, English/Italian texts and the enabled delivery sweep task.
/// The outbox table comes from the installation migration in Data/. Uninstall removes everything the plugin created; nopCommerce then
/// reverses the migration (drops the table).
/// </summary>
public partial class OrderTouchpointsPlugin(
    ISettingService settingService,
    ILocalizationService localizationService,
    ILanguageService languageService,
    IRepository<GenericAttribute> genericAttributeRepository,
    IScheduleTaskService scheduleTaskService,
    TimeProvider timeProvider,
    IWebHelper webHelper,
    WidgetSettings widgetSettings,
    IStoreContext storeContext,
    TransactionaleConsentUpgrade transactionaleConsentUpgrade) : BasePlugin, IMiscPlugin
{
    public override string GetConfigurationPageUrl() => $"{webHelper.GetStoreLocation()}{OrderTouchpointsDefaults.ConfigurationPath}";

    public override async Task InstallAsync()
    {
        await settingService.SaveSettingAsync(new OrderTouchpointsTransactionaleSettings());
        await settingService.SaveSettingAsync(new OrderTouchpointsVoyadoSettings());
        await settingService.SaveSettingAsync(new OrderTouchpointsVtMarketingSettings());
        await settingService.SaveSettingAsync(new OrderTouchpointsDeliverySettings());
        await ActivateWidgetAsync();

        await AddLocaleResourcesAsync();

        if (await scheduleTaskService.GetTaskByTypeAsync(DeliverySweepTask.TaskType) is null)
        {
            await scheduleTaskService.InsertTaskAsync(new ScheduleTask
            {
                Name = DeliverySweepTask.TaskName,
                Type = DeliverySweepTask.TaskType,
                Seconds = DeliverySweepTask.IntervalSeconds,
                Enabled = true,
                LastEnabledUtc = timeProvider.GetUtcNow().UtcDateTime,
                StopOnError = false
            });
        }

        await base.InstallAsync();
    }

    /// <summary>
    /// A newer version over an installed one: texts added or changed since, and settings whose meaning changed
    /// (Transactionale without a consent used to mean "send every order"; see <see cref="TransactionaleConsentUpgrade"/>).
    /// </summary>
    public override async Task UpdateAsync(string currentVersion, string targetVersion)
    {
        await AddLocaleResourcesAsync();
        await transactionaleConsentUpgrade.ApplyAsync();
        await base.UpdateAsync(currentVersion, targetVersion);
    }

    private async Task AddLocaleResourcesAsync()
    {
        await localizationService.AddOrUpdateLocaleResourceAsync(LocaleResources.All.ToDictionary(t => t.Key, t => t.English));
        var italian = LocaleResources.All.ToDictionary(t => t.Key, t => t.Italian);
        foreach (var language in await languageService.GetAllLanguagesAsync(showHidden: true))
        {
            if (language.LanguageCulture?.StartsWith("it", StringComparison.OrdinalIgnoreCase) == true)
                await localizationService.AddOrUpdateLocaleResourceAsync(italian, language.Id);
        }
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

        if (await scheduleTaskService.GetTaskByTypeAsync(DeliverySweepTask.TaskType) is { } sweepTask)
            await scheduleTaskService.DeleteTaskAsync(sweepTask);

        await base.UninstallAsync();
    }
}
