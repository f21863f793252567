using Nop.Core;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Alerts;
using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.ScheduleTasks;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>
/// The plugin class as nopCommerce constructs it, from the services a test names; every other one is a loose Moq fake (a store
/// list without stores, templates without any). The widget activation and the consent upgrade run on the same setting service
/// and store list, as they do in a store.
/// </summary>
public static class PluginFactory
{
    public static OrderTouchpointsPlugin Create(
        ISettingService? settings = null,
        ILocalizationService? localization = null,
        ILanguageService? languages = null,
        IRepository<GenericAttribute>? genericAttributes = null,
        IScheduleTaskService? scheduleTasks = null,
        TimeProvider? time = null,
        IWebHelper? webHelper = null,
        IStoreService? stores = null,
        DeliveryAlertTemplates? alertTemplates = null)
    {
        settings ??= Mock.Of<ISettingService>();
        stores ??= Mock.Of<IStoreService>(s => s.GetAllStoresAsync() == Task.FromResult<IList<Store>>(new List<Store>()));
        return new OrderTouchpointsPlugin(settings, localization ?? Mock.Of<ILocalizationService>(), languages ?? Mock.Of<ILanguageService>(),
            genericAttributes ?? Mock.Of<IRepository<GenericAttribute>>(), scheduleTasks ?? Mock.Of<IScheduleTaskService>(), time ?? new ManualTimeProvider(),
            webHelper ?? Mock.Of<IWebHelper>(), new WidgetActivation(settings, stores), alertTemplates ?? AlertTemplateStore.Empty(),
            new TransactionaleConsentUpgrade(settings, stores));
    }
}
