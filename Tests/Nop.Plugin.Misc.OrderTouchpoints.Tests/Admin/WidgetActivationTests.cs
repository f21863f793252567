using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

/// <summary>
/// The plugin's place in WidgetSettings.ActiveWidgetSystemNames, with nopCommerce's per-store semantics
/// (a store's own list, or the all-stores one): changed only in the scope the edited store reads from.
/// </summary>
public class WidgetActivationTests
{
    private const string Plugin = "Misc.OrderTouchpoints";
    private InMemorySettingStore _settings = null!;
    private WidgetActivation _activation = null!;

    [SetUp]
    public void CreateStore()
    {
        _settings = new InMemorySettingStore();
        var stores = new Mock<IStoreService>();
        stores.Setup(s => s.GetAllStoresAsync()).ReturnsAsync([new Store { Id = 1 }, new Store { Id = 2 }]);
        _activation = new WidgetActivation(_settings.Mock.Object, stores.Object);
        _settings.Set<WidgetSettings, List<string>>(s => s.ActiveWidgetSystemNames, ["Widgets.GoogleAnalytics"], 0);
    }

    private List<string> Stored(int storeId) => _settings.Stored<WidgetSettings, List<string>>(s => s.ActiveWidgetSystemNames, storeId)!;

    [Test]
    public async Task At_all_stores_the_plugin_joins_the_shared_list_once()
    {
        await _activation.EnsureActiveAsync(0);
        await _activation.EnsureActiveAsync(0);

        Assert.That(Stored(0), Is.EqualTo(new[] { "Widgets.GoogleAnalytics", Plugin }));
    }

    [Test]
    public async Task A_store_without_its_own_list_is_served_by_the_shared_list_and_gets_no_copy()
    {
        await _activation.EnsureActiveAsync(2);

        Assert.That(Stored(0), Is.EqualTo(new[] { "Widgets.GoogleAnalytics", Plugin }));
        Assert.That(_settings.Exists<WidgetSettings, List<string>>(s => s.ActiveWidgetSystemNames, 2), Is.False);
    }

    [Test]
    public async Task A_store_with_its_own_list_gets_the_plugin_there_and_the_shared_list_is_untouched()
    {
        _settings.Set<WidgetSettings, List<string>>(s => s.ActiveWidgetSystemNames, ["Widgets.NivoSlider"], 2);

        await _activation.EnsureActiveAsync(2);

        Assert.That(Stored(2), Is.EqualTo(new[] { "Widgets.NivoSlider", Plugin }));
        Assert.That(Stored(0), Is.EqualTo(new[] { "Widgets.GoogleAnalytics" }));
    }

    [Test]
    public async Task Uninstall_removes_the_plugin_from_the_shared_list_and_from_every_stores_own_list()
    {
        _settings.Set<WidgetSettings, List<string>>(s => s.ActiveWidgetSystemNames, ["Widgets.NivoSlider", Plugin], 2);
        await _activation.EnsureActiveAsync(0);

        await _activation.RemoveEverywhereAsync();

        Assert.That(Stored(0), Is.EqualTo(new[] { "Widgets.GoogleAnalytics" }));
        Assert.That(Stored(2), Is.EqualTo(new[] { "Widgets.NivoSlider" }));
        Assert.That(_settings.Exists<WidgetSettings, List<string>>(s => s.ActiveWidgetSystemNames, 1), Is.False);
    }
}
