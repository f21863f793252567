using Nop.Core;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Alerts;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
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
/// Install: default settings for all stores, English/Italian texts, the owner's alert message templates and
/// the enabled delivery sweep task.
/// The outbox table comes from the installation migration in Data/. Uninstall removes everything the plugin created; nopCommerce then
/// reverses the migration (drops the table). Update (OrderTouchpointsPlugin.Update.cs) brings an upgraded
/// store what a later version added.
/// </summary>
public partial class OrderTouchpointsPlugin(
    ISettingService settingService,
    ILocalizationService localizationService,
    ILanguageService languageService,
    IRepository<GenericAttribute> genericAttributeRepository,
    IScheduleTaskService scheduleTaskService,
    TimeProvider timeProvider,
    IWebHelper webHelper,
    WidgetActivation widgetActivation,
    DeliveryAlertTemplates alertTemplates,
    TransactionaleConsentUpgrade transactionaleConsentUpgrade) : BasePlugin, IMiscPlugin
{
    public override string GetConfigurationPageUrl() => $"{webHelper.GetStoreLocation()}{OrderTouchpointsDefaults.ConfigurationPath}";

    public override async Task InstallAsync()
    {
        await settingService.SaveSettingAsync(new OrderTouchpointsTransactionaleSettings());
        await settingService.SaveSettingAsync(new OrderTouchpointsVoyadoSettings());
        await settingService.SaveSettingAsync(new OrderTouchpointsVtMarketingSettings());
        await settingService.SaveSettingAsync(new OrderTouchpointsDeliverySettings());
        await settingService.SaveSettingAsync(new OrderTouchpointsAlertSettings());
        await widgetActivation.EnsureActiveAsync(0);
        await alertTemplates.EnsureAsync();

        await localizationService.AddOrUpdateLocaleResourceAsync(LocaleResources.All.ToDictionary(t => t.Key, t => t.English));
        var italian = LocaleResources.All.ToDictionary(t => t.Key, t => t.Italian);
        foreach (var language in await languageService.GetAllLanguagesAsync(showHidden: true))
        {
            if (IsItalian(language))
                await localizationService.AddOrUpdateLocaleResourceAsync(italian, language.Id);
        }

        await EnsureSweepTaskAsync();
        await base.InstallAsync();
    }

    private static bool IsItalian(Language language) =>
        language.LanguageCulture?.StartsWith("it", StringComparison.OrdinalIgnoreCase) == true;

    private async Task EnsureSweepTaskAsync()
    {
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
    }

    public override async Task UninstallAsync()
    {
        await settingService.DeleteSettingAsync<OrderTouchpointsTransactionaleSettings>();
        await settingService.DeleteSettingAsync<OrderTouchpointsVoyadoSettings>();
        await settingService.DeleteSettingAsync<OrderTouchpointsVtMarketingSettings>();
        await settingService.DeleteSettingAsync<OrderTouchpointsDeliverySettings>();
        await settingService.DeleteSettingAsync<OrderTouchpointsAlertSettings>();
        await alertTemplates.RemoveAsync();
        await widgetActivation.RemoveEverywhereAsync();

        await localizationService.DeleteLocaleResourcesAsync(OrderTouchpointsDefaults.ResourcePrefix);

        await genericAttributeRepository.DeleteAsync(attribute => attribute.Key == OrderTouchpointsDefaults.VoyadoContactIdAttribute
            || attribute.Key.StartsWith(OrderTouchpointsDefaults.AlertStateAttributePrefix));

        if (await scheduleTaskService.GetTaskByTypeAsync(DeliverySweepTask.TaskType) is { } sweepTask)
            await scheduleTaskService.DeleteTaskAsync(sweepTask);

        await base.UninstallAsync();
    }
}
