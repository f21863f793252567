using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
using Nop.Plugin.Misc.OrderTouchpoints.Localization;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Services.Localization;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Foundation;

/// <summary>
/// Upgrading a store that runs the previous version: its settings lack what this version added, its texts
/// lack the new keys, and the owner edited some of what it has. Update adds what is missing and keeps the rest.
/// </summary>
public class PluginUpdateTests
{
    private const int English = 1, Italian = 2;
    private InMemorySettingStore _settings = null!;
    private Dictionary<(int LanguageId, string Key), string> _texts = null!;
    private Mock<ILocalizationService> _localization = null!;

    [SetUp]
    public void SeedThePreviousVersion()
    {
        _settings = new InMemorySettingStore();
        // The previous version's stored settings: everything but what this version added (here the attempt
        // timeout stands for it), with values the owner changed.
        _settings.Seed(new OrderTouchpointsTransactionaleSettings { Enabled = true, ShopCountryCode = "IT" });
        _settings.Seed(new OrderTouchpointsVoyadoSettings());
        _settings.Seed(new OrderTouchpointsVtMarketingSettings());
        _settings.Set<OrderTouchpointsDeliverySettings, string>(s => s.RetrySchedule, "1m,1h", 0);
        _settings.Set<OrderTouchpointsDeliverySettings, int>(s => s.RetentionDays, 7, 0);
        _settings.Set<OrderTouchpointsDeliverySettings, bool>(s => s.ReconciliationEnabled, false, 0);
        _settings.Set<OrderTouchpointsDeliverySettings, int>(s => s.MaxConcurrentSends, 4, 0);
        _settings.Set<OrderTouchpointsDeliverySettings, int>(s => s.RetentionDays, 9, 3);
        _settings.Set<WidgetSettings, List<string>>(s => s.ActiveWidgetSystemNames, [OrderTouchpointsDefaults.SystemName], 0);

        // The previous version's texts: all but the last ten keys, and one the owner reworded.
        _texts = [];
        foreach (var text in LocaleResources.All.SkipLast(10))
        {
            _texts[(English, text.Key)] = text.English;
            _texts[(Italian, text.Key)] = text.Italian;
        }
        _texts[(Italian, "Plugins.Misc.OrderTouchpoints.FriendlyName")] = "Invii marketing";

        _localization = new Mock<ILocalizationService>();
        _localization.Setup(l => l.GetResourceAsync(It.IsAny<string>(), It.IsAny<int>(), false, "", true))
            .ReturnsAsync((string key, int languageId, bool _, string _, bool _) => _texts.GetValueOrDefault((languageId, key), string.Empty));
        _localization.Setup(l => l.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), It.IsAny<int?>()))
            .Callback((IDictionary<string, string> resources, int? languageId) =>
            {
                foreach (var (key, value) in resources)
                    _texts[(languageId!.Value, key)] = value;
            })
            .Returns(Task.CompletedTask);
    }

    private OrderTouchpointsPlugin Plugin(Mock<IScheduleTaskService>? tasks = null)
    {
        var languages = new Mock<ILanguageService>();
        languages.Setup(l => l.GetAllLanguagesAsync(true, 0)).ReturnsAsync(new List<Language>
        {
            new() { Id = English, LanguageCulture = "en-US" },
            new() { Id = Italian, LanguageCulture = "it-IT" }
        });
        tasks ??= new Mock<IScheduleTaskService>();
        tasks.Setup(t => t.GetTaskByTypeAsync(DeliverySweepTask.TaskType)).ReturnsAsync(new ScheduleTask { Type = DeliverySweepTask.TaskType });
        return PluginFactory.Create(settings: _settings.Mock.Object, localization: _localization.Object, languages: languages.Object, scheduleTasks: tasks.Object);
    }

    [Test]
    public async Task Settings_the_previous_version_lacked_get_their_defaults_and_stored_values_stay()
    {
        Assert.That(_settings.Exists<OrderTouchpointsDeliverySettings, int>(s => s.AttemptTimeoutSeconds, 0), Is.False);

        await Plugin().UpdateAsync("1.0", "1.1");

        Assert.That(_settings.Stored<OrderTouchpointsDeliverySettings, int>(s => s.AttemptTimeoutSeconds, 0), Is.EqualTo(15));
        Assert.That(_settings.Stored<OrderTouchpointsDeliverySettings, string>(s => s.RetrySchedule, 0), Is.EqualTo("1m,1h"));
        Assert.That(_settings.Stored<OrderTouchpointsDeliverySettings, int>(s => s.RetentionDays, 0), Is.EqualTo(7));
        Assert.That(_settings.Stored<OrderTouchpointsDeliverySettings, bool>(s => s.ReconciliationEnabled, 0), Is.False);
        Assert.That(_settings.Stored<OrderTouchpointsDeliverySettings, int>(s => s.RetentionDays, 3), Is.EqualTo(9), "a store's override is not touched");
        Assert.That(_settings.Load<OrderTouchpointsTransactionaleSettings>(0).ShopCountryCode, Is.EqualTo("IT"));
        Assert.That(_settings.Load<OrderTouchpointsTransactionaleSettings>(0).Enabled, Is.True);
    }

    [Test]
    public async Task New_texts_are_added_in_english_and_italian_and_an_edited_text_stays()
    {
        var added = LocaleResources.All.TakeLast(10).ToList();

        await Plugin().UpdateAsync("1.0", "1.1");

        foreach (var text in added)
        {
            Assert.That(_texts[(English, text.Key)], Is.EqualTo(text.English));
            Assert.That(_texts[(Italian, text.Key)], Is.EqualTo(text.Italian));
        }
        Assert.That(_texts[(Italian, "Plugins.Misc.OrderTouchpoints.FriendlyName")], Is.EqualTo("Invii marketing"));
        _localization.Verify(l => l.AddOrUpdateLocaleResourceAsync(It.Is<IDictionary<string, string>>(r => r.Count == 10), English), Times.Once);
        _localization.Verify(l => l.AddOrUpdateLocaleResourceAsync(It.Is<IDictionary<string, string>>(r => r.Count == 10), Italian), Times.Once);
    }

    [Test]
    public async Task An_up_to_date_store_gets_no_text_written_and_keeps_its_single_sweep_task()
    {
        var tasks = new Mock<IScheduleTaskService>();
        await Plugin(tasks).UpdateAsync("1.0", "1.1");
        _localization.Invocations.Clear();

        await Plugin(tasks).UpdateAsync("1.1", "1.1");

        _localization.Verify(l => l.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), It.IsAny<int?>()), Times.Never);
        tasks.Verify(t => t.InsertTaskAsync(It.IsAny<ScheduleTask>()), Times.Never);
    }
}
