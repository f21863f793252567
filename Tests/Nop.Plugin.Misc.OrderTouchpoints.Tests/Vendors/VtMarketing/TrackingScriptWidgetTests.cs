using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Nop.Core;
using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Components;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Services.Configuration;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

/// <summary>The storefront snippet: which zone per store, what is rendered, and the widget's activation.</summary>
public class TrackingScriptWidgetTests
{
    private const string Snippet = "<script>window.vtm = { id: \"shop-1\" }; /* a & b < c */</script>";
    private const string Head = "head_html_tag";
    private const string BodyEnd = "body_end_html_tag_before";

    private Dictionary<int, OrderTouchpointsVtMarketingSettings> _settings = null!;
    private Mock<ISettingService> _settingService = null!;
    private Mock<IStoreContext> _storeContext = null!;
    private WidgetSettings _widgetSettings = null!;

    [SetUp]
    public void CreateMocks()
    {
        _settings = new()
        {
            [1] = new OrderTouchpointsVtMarketingSettings { Enabled = true, TrackingScript = Snippet, TrackingScriptPlacement = TrackingScriptPlacement.Head },
            [2] = new OrderTouchpointsVtMarketingSettings { Enabled = true, TrackingScript = Snippet, TrackingScriptPlacement = TrackingScriptPlacement.BodyEnd },
            [3] = new OrderTouchpointsVtMarketingSettings { Enabled = false, TrackingScript = Snippet },
            [4] = new OrderTouchpointsVtMarketingSettings { Enabled = true, TrackingScript = "  \r\n " }
        };
        _settingService = new Mock<ISettingService>();
        _settingService.Setup(s => s.LoadSettingAsync<OrderTouchpointsVtMarketingSettings>(It.IsAny<int>()))
            .ReturnsAsync((int storeId) => _settings[storeId]);
        _storeContext = new Mock<IStoreContext>();
        _widgetSettings = new WidgetSettings();
    }

    private void Serve(int storeId) => _storeContext.Setup(c => c.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = storeId });

    private OrderTouchpointsPlugin Plugin()
    {
        var languages = new Mock<ILanguageService>();
        languages.Setup(s => s.GetAllLanguagesAsync(It.IsAny<bool>(), It.IsAny<int>())).ReturnsAsync(new List<Language>());
        return new OrderTouchpointsPlugin(_settingService.Object, Mock.Of<ILocalizationService>(), languages.Object,
            Mock.Of<IRepository<GenericAttribute>>(), Mock.Of<Nop.Services.ScheduleTasks.IScheduleTaskService>(), TimeProvider.System,
            Mock.Of<IWebHelper>(), _widgetSettings, _storeContext.Object,
            new Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale.TransactionaleConsentUpgrade(_settingService.Object, Mock.Of<Nop.Services.Stores.IStoreService>()));
    }

    private async Task<string> RenderAsync(int storeId, string zone)
    {
        Serve(storeId);
        var component = new VtMarketingTrackingScriptViewComponent(_storeContext.Object, _settingService.Object);
        var result = await component.InvokeAsync(zone, additionalData: null!);
        if (result is ContentViewComponentResult content)
            return content.Content;
        using var writer = new StringWriter();
        ((HtmlContentViewComponentResult)result).EncodedContent.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    [TestCase(1, Head)]
    [TestCase(2, BodyEnd)]
    public async Task The_widget_asks_for_the_zone_chosen_for_the_store_serving_the_page(int storeId, string zone)
    {
        Serve(storeId);

        Assert.That(await Plugin().GetWidgetZonesAsync(), Is.EqualTo(new[] { zone }));
    }

    [TestCase(3, TestName = "vendor disabled")]
    [TestCase(4, TestName = "empty snippet")]
    public async Task No_zone_when_there_is_nothing_to_render(int storeId)
    {
        Serve(storeId);

        Assert.That(await Plugin().GetWidgetZonesAsync(), Is.Empty);
    }

    [Test]
    public async Task The_snippet_is_rendered_exactly_as_pasted_in_its_zone()
    {
        Assert.That(await RenderAsync(1, Head), Is.EqualTo(Snippet + Environment.NewLine));
        Assert.That(await RenderAsync(2, BodyEnd), Is.EqualTo(Snippet + Environment.NewLine));
    }

    [TestCase(1, BodyEnd, TestName = "head store asked for body end")]
    [TestCase(2, Head, TestName = "body-end store asked for head")]
    [TestCase(3, Head, TestName = "vendor disabled")]
    [TestCase(4, Head, TestName = "empty snippet")]
    public async Task Nothing_is_rendered_outside_the_stores_zone_or_without_an_enabled_snippet(int storeId, string zone)
    {
        Assert.That(await RenderAsync(storeId, zone), Is.Empty);
    }

    [Test]
    public void The_widget_is_the_tracking_script_component_and_hidden_from_the_widget_list()
    {
        var plugin = Plugin();

        Assert.That(plugin.GetWidgetViewComponent(Head), Is.EqualTo(typeof(VtMarketingTrackingScriptViewComponent)));
        Assert.That(plugin.HideInWidgetList, Is.True);
    }

    [Test]
    public async Task Install_activates_the_widget_once_and_uninstall_deactivates_it()
    {
        _widgetSettings.ActiveWidgetSystemNames.Add("Widgets.GoogleAnalytics");

        await Plugin().InstallAsync();
        await Plugin().InstallAsync();
        Assert.That(_widgetSettings.ActiveWidgetSystemNames, Is.EqualTo(new[] { "Widgets.GoogleAnalytics", "Misc.OrderTouchpoints" }));
        _settingService.Verify(s => s.SaveSettingAsync(_widgetSettings, 0), Times.Once);

        await Plugin().UninstallAsync();
        Assert.That(_widgetSettings.ActiveWidgetSystemNames, Is.EqualTo(new[] { "Widgets.GoogleAnalytics" }));
        _settingService.Verify(s => s.SaveSettingAsync(_widgetSettings, 0), Times.Exactly(2));
    }
}
