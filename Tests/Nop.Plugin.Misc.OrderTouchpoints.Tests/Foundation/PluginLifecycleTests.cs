using System.Linq.Expressions;
using Nop.Core;
using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
using Nop.Plugin.Misc.OrderTouchpoints.Localization;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.ScheduleTasks;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Foundation;

public class PluginLifecycleTests
{
    private Mock<ISettingService> _settings = null!;
    private Mock<ILocalizationService> _localization = null!;
    private Mock<ILanguageService> _languages = null!;
    private Mock<IRepository<GenericAttribute>> _attributes = null!;
    private Mock<IWebHelper> _webHelper = null!;
    private WidgetSettings _widgetSettings = null!;
    private Mock<IScheduleTaskService> _tasks = null!;
    private Mock<Nop.Services.Stores.IStoreService> _stores = null!;
    private readonly ManualTimeProvider _time = new();

    [SetUp]
    public void CreateMocks()
    {
        _settings = new Mock<ISettingService>();
        _localization = new Mock<ILocalizationService>();
        _languages = new Mock<ILanguageService>();
        _attributes = new Mock<IRepository<GenericAttribute>>();
        _webHelper = new Mock<IWebHelper>();
        _widgetSettings = new WidgetSettings();
        _tasks = new Mock<IScheduleTaskService>();
        _stores = new Mock<Nop.Services.Stores.IStoreService>();
        _stores.Setup(s => s.GetAllStoresAsync()).ReturnsAsync([]);
        _settings.Setup(s => s.LoadSettingAsync<WidgetSettings>(It.IsAny<int>())).ReturnsAsync(() => _widgetSettings);
    }

    private OrderTouchpointsPlugin CreatePlugin()
    {
        _languages.Setup(s => s.GetAllLanguagesAsync(true, 0)).ReturnsAsync(new List<Language>
        {
            new() { Id = 1, Name = "English", LanguageCulture = "en-US" },
            new() { Id = 2, Name = "Italiano", LanguageCulture = "it-IT" }
        });
        return PluginFactory.Create(_settings.Object, _localization.Object, _languages.Object, _attributes.Object, _tasks.Object, _time, _webHelper.Object,
            _stores.Object);
    }

    [Test]
    public async Task Install_saves_default_settings_of_every_slice_for_all_stores()
    {
        await CreatePlugin().InstallAsync();

        _settings.Verify(s => s.SaveSettingAsync(It.Is<OrderTouchpointsTransactionaleSettings>(x =>
            !x.Enabled && x.EndpointUrl == OrderTouchpointsTransactionaleSettings.DefaultEndpointUrl), 0), Times.Once);
        _settings.Verify(s => s.SaveSettingAsync(It.Is<OrderTouchpointsVoyadoSettings>(x =>
            !x.Enabled && x.MaxRequestsPerSecond == 40 && x.PlacedOrderStatus == "Confirmed"), 0), Times.Once);
        _settings.Verify(s => s.SaveSettingAsync(It.Is<OrderTouchpointsVtMarketingSettings>(x =>
            !x.Enabled && x.EndpointUrl == "https://api.vtcdn.net/v1/event/"), 0), Times.Once);
        _settings.Verify(s => s.SaveSettingAsync(It.Is<OrderTouchpointsDeliverySettings>(x =>
            x.RetentionDays == 30 && x.ReconciliationEnabled), 0), Times.Once);
        _settings.Verify(s => s.SaveSettingAsync(It.Is<Nop.Plugin.Misc.OrderTouchpoints.Alerts.OrderTouchpointsAlertSettings>(x =>
            x.Enabled && x.WaitingThresholdMinutes == 30 && x.PeriodMinutes == 60 && x.RecipientEmail == null), 0), Times.Once);
    }

    [Test]
    public async Task Install_adds_english_texts_to_every_language_and_italian_texts_to_italian_ones()
    {
        IDictionary<string, string>? english = null, italian = null;
        _localization.Setup(s => s.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), null))
            .Callback((IDictionary<string, string> r, int? _) => english = r).Returns(Task.CompletedTask);
        _localization.Setup(s => s.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), 2))
            .Callback((IDictionary<string, string> r, int? _) => italian = r).Returns(Task.CompletedTask);

        await CreatePlugin().InstallAsync();

        var expectedKeys = LocaleResources.All.Select(t => t.Key).ToList();
        Assert.That(english!.Keys, Is.EquivalentTo(expectedKeys));
        Assert.That(italian!.Keys, Is.EquivalentTo(expectedKeys));
        Assert.That(english["Plugins.Misc.OrderTouchpoints.FriendlyName"], Is.EqualTo("Order touchpoints"));
        Assert.That(italian["Plugins.Misc.OrderTouchpoints.FriendlyName"], Is.EqualTo("Touchpoint degli ordini"));
        _localization.Verify(s => s.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), 1), Times.Never);
    }

    [Test]
    public async Task Update_adds_the_new_texts_and_makes_an_old_send_everyone_transactionale_explicit()
    {
        var added = new Dictionary<int, IDictionary<string, string>>();
        _localization.Setup(s => s.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), It.IsAny<int?>()))
            .Callback((IDictionary<string, string> r, int? languageId) => added[languageId ?? 0] = r).Returns(Task.CompletedTask);
        _settings.Setup(s => s.LoadSettingAsync<OrderTouchpointsTransactionaleSettings>(0))
            .ReturnsAsync(new OrderTouchpointsTransactionaleSettings { Enabled = true, ShopCountryCode = "IT" });

        await CreatePlugin().UpdateAsync("1.0.0", "1.1.0");

        Assert.That(added.Keys, Is.EquivalentTo(new[] { 1, 2 }), "the texts a language lacks are added in that language");
        Assert.That(added[2].Keys, Does.Contain("Plugins.Misc.OrderTouchpoints.Fields.Transactionale.SendWithoutConsentCheck"));
        _settings.Verify(s => s.SaveSettingAsync(It.Is<OrderTouchpointsTransactionaleSettings>(t => t.SendWithoutConsentCheck),
            It.IsAny<Expression<Func<OrderTouchpointsTransactionaleSettings, bool>>>(), 0, false), Times.Once);
    }

    [Test]
    public async Task Uninstall_removes_settings_texts_and_saved_vendor_contact_ids()
    {
        Expression<Func<GenericAttribute, bool>>? deleted = null;
        _attributes.Setup(r => r.DeleteAsync(It.IsAny<Expression<Func<GenericAttribute, bool>>>()))
            .Callback((Expression<Func<GenericAttribute, bool>> p) => deleted = p).ReturnsAsync(3);

        await CreatePlugin().UninstallAsync();

        _settings.Verify(s => s.DeleteSettingAsync<OrderTouchpointsTransactionaleSettings>(), Times.Once);
        _settings.Verify(s => s.DeleteSettingAsync<OrderTouchpointsVoyadoSettings>(), Times.Once);
        _settings.Verify(s => s.DeleteSettingAsync<OrderTouchpointsVtMarketingSettings>(), Times.Once);
        _settings.Verify(s => s.DeleteSettingAsync<OrderTouchpointsDeliverySettings>(), Times.Once);
        _localization.Verify(s => s.DeleteLocaleResourcesAsync("Plugins.Misc.OrderTouchpoints.", null), Times.Once);

        var matches = deleted!.Compile();
        Assert.That(matches(new GenericAttribute { Key = "OrderTouchpoints.VoyadoContactId", KeyGroup = "Customer" }), Is.True);
        Assert.That(matches(new GenericAttribute { Key = "SomeOtherPlugin.ContactId", KeyGroup = "Customer" }), Is.False);
        Assert.That(matches(new GenericAttribute { Key = "OrderTouchpoints.AlertedOn.VoyadoEngage", KeyGroup = "Store" }), Is.True);
        _settings.Verify(s => s.DeleteSettingAsync<Nop.Plugin.Misc.OrderTouchpoints.Alerts.OrderTouchpointsAlertSettings>(), Times.Once);
    }

    [Test]
    public void Configuration_page_is_the_plugin_admin_route_of_the_current_store()
    {
        _webHelper.Setup(w => w.GetStoreLocation(null)).Returns("https://shop.example/");

        Assert.That(CreatePlugin().GetConfigurationPageUrl(), Is.EqualTo("https://shop.example/Admin/OrderTouchpoints/Configure"));
    }

    [Test]
    public async Task Install_creates_the_enabled_delivery_sweep_task_once()
    {
        ScheduleTask? inserted = null;
        _tasks.Setup(t => t.InsertTaskAsync(It.IsAny<ScheduleTask>())).Callback((ScheduleTask t) => inserted = t).Returns(Task.CompletedTask);

        await CreatePlugin().InstallAsync();

        Assert.That(inserted, Is.Not.Null);
        Assert.That(inserted!.Type, Is.EqualTo("Nop.Plugin.Misc.OrderTouchpoints.Delivery.DeliverySweepTask"));
        Assert.That(Type.GetType(inserted.Type + ", Nop.Plugin.Misc.OrderTouchpoints"), Is.EqualTo(typeof(DeliverySweepTask)));
        Assert.That(inserted.Enabled, Is.True);
        Assert.That(inserted.StopOnError, Is.False);
        Assert.That(inserted.Seconds, Is.EqualTo(300));
        Assert.That(inserted.Name, Is.Not.Empty);
        Assert.That(inserted.LastEnabledUtc, Is.EqualTo(_time.UtcNow));

        _tasks.Setup(t => t.GetTaskByTypeAsync(inserted.Type)).ReturnsAsync(inserted);
        await CreatePlugin().InstallAsync();
        _tasks.Verify(t => t.InsertTaskAsync(It.IsAny<ScheduleTask>()), Times.Once);
    }

    [Test]
    public async Task Uninstall_removes_the_delivery_sweep_task()
    {
        var task = new ScheduleTask { Id = 9, Type = DeliverySweepTask.TaskType };
        _tasks.Setup(t => t.GetTaskByTypeAsync(DeliverySweepTask.TaskType)).ReturnsAsync(task);

        await CreatePlugin().UninstallAsync();

        _tasks.Verify(t => t.DeleteTaskAsync(task), Times.Once);
    }
}
