using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Nop.Core;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Components;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
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
    }

    private void Serve(int storeId) => _storeContext.Setup(c => c.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = storeId });


    private async Task<string> RenderAsync(int storeId, string zone)
    {
        Serve(storeId);
        var component = new VtMarketingTrackingScriptViewComponent(_storeContext.Object, _settingService.Object);
        return ContentOf(await component.InvokeAsync(zone, additionalData: null!));
    }

    private static string ContentOf(IViewComponentResult result)
    {
        if (result is ContentViewComponentResult content)
            return content.Content;
        using var writer = new StringWriter();
        ((HtmlContentViewComponentResult)result).EncodedContent.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    [Test]
    public async Task Both_zones_of_one_page_load_the_settings_once()
    {
        Serve(1);
        var page = new DefaultHttpContext();
        var rendered = new List<string>();
        foreach (var zone in new[] { Head, BodyEnd })
        {
            var component = new VtMarketingTrackingScriptViewComponent(_storeContext.Object, _settingService.Object)
            {
                ViewComponentContext = new ViewComponentContext { ViewContext = new ViewContext { HttpContext = page } }
            };
            rendered.Add(ContentOf(await component.InvokeAsync(zone, additionalData: null!)));
        }

        Assert.That(rendered, Is.EqualTo(new[] { Snippet + Environment.NewLine, string.Empty }), "the head store's snippet, in its zone only");
        _settingService.Verify(s => s.LoadSettingAsync<OrderTouchpointsVtMarketingSettings>(It.IsAny<int>()), Times.Once);
    }

    [Test]
    public async Task The_widget_zones_are_a_fixed_list_that_loads_no_settings()
    {
        var settings = new Mock<ISettingService>(MockBehavior.Strict);
        var plugin = PluginFactory.Create(settings: settings.Object);

        Assert.That(await plugin.GetWidgetZonesAsync(), Does.Contain(Head).And.Contain(BodyEnd));
        Assert.That(await plugin.GetWidgetZonesAsync(), Is.SameAs(await plugin.GetWidgetZonesAsync()));
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
    public void The_widget_is_the_tracking_script_component()
    {
        Assert.That(PluginFactory.Create().GetWidgetViewComponent(Head), Is.EqualTo(typeof(VtMarketingTrackingScriptViewComponent)));
    }

    [Test]
    public void The_widget_is_hidden_from_the_widget_list()
    {
        Assert.That(PluginFactory.Create().HideInWidgetList, Is.True);
    }
}
