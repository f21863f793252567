using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Nop.Plugin.Misc.OrderTouchpoints.Components;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Health;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Services.Localization;
using Nop.Services.Security;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

/// <summary>The dashboard card: shown through the admin dashboard zone, only to admins who may manage plugins.</summary>
public class DashboardHealthCardTests
{
    private readonly Mock<IPermissionService> _permissions = new();
    private readonly ManualTimeProvider _time = new();
    private readonly Mock<Nop.Services.Logging.ILogger> _logger = new();

    private DeliveryHealthDashboardViewComponent Component(IDeliveryReports reports)
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => ConfigurePageHost.English(key));
        var factory = new DeliveryHealthModelFactory(reports, Mock.Of<IVendorSendingStates>(), new AdminTimeZone().Helper.Object, localization.Object, _time, TestVendors.Registered);
        return new DeliveryHealthDashboardViewComponent(_permissions.Object, factory, _logger.Object)
        {
            ViewComponentContext = new ViewComponentContext
            {
                ViewContext = new ViewContext { ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()) }
            }
        };
    }

    [Test]
    public async Task An_admin_without_the_plugin_permission_sees_nothing_and_no_outbox_is_read()
    {
        _permissions.Setup(p => p.AuthorizeAsync(StandardPermission.Configuration.MANAGE_PLUGINS)).ReturnsAsync(false);
        var reports = new Mock<IDeliveryReports>(MockBehavior.Strict);

        var result = await Component(reports.Object).InvokeAsync("admin_dashboard_top", null!);

        Assert.That(result, Is.TypeOf<ContentViewComponentResult>().With.Property("Content").Empty);
    }

    [Test]
    public async Task An_admin_with_the_permission_sees_the_last_24_hours_of_all_stores()
    {
        _permissions.Setup(p => p.AuthorizeAsync(StandardPermission.Configuration.MANAGE_PLUGINS)).ReturnsAsync(true);
        var outbox = new InMemoryDeliveryOutbox(_time);
        await outbox.EnqueueAsync(1, 7, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale], _time.UtcNow);
        await outbox.EnqueueAsync(2, 8, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale], _time.UtcNow);

        var result = (ViewViewComponentResult)await Component(new InMemoryDeliveryReports(outbox)).InvokeAsync("admin_dashboard_top", null!);
        var model = (DeliveryHealthModel)result.ViewData!.Model!;

        Assert.That(result.ViewName, Is.EqualTo(DeliveryHealthDashboardViewComponent.ViewPath));
        Assert.That((model.Period, model.StoreId), Is.EqualTo((DeliveryHealthPeriod.Hours, 0)));
        Assert.That(model.Vendors.Single(v => v.Key == "transactionale").WaitingNow, Is.EqualTo(2));
    }

    [Test]
    public async Task A_card_that_cannot_load_is_left_out_and_the_dashboard_still_renders()
    {
        _permissions.Setup(p => p.AuthorizeAsync(StandardPermission.Configuration.MANAGE_PLUGINS)).ReturnsAsync(true);
        var reports = new Mock<IDeliveryReports>();
        reports.Setup(o => o.GetDeliveryHistoryAsync(It.IsAny<int>(), It.IsAny<DateTime>(), It.IsAny<TimeSpan>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException());

        var result = await Component(reports.Object).InvokeAsync("admin_dashboard_top", null!);

        Assert.That(result, Is.TypeOf<ContentViewComponentResult>().With.Property("Content").Empty);
        _logger.Verify(l => l.ErrorAsync(It.Is<string>(m => m.Contains(typeof(TimeoutException).FullName!)), null, null), Times.Once);
    }

    [Test]
    public async Task The_plugin_asks_for_the_dashboard_zone_and_answers_it_with_the_card()
    {
        var plugin = PluginFactory.Create(time: _time);

        Assert.That(await plugin.GetWidgetZonesAsync(), Does.Contain("admin_dashboard_top"));
        Assert.That(plugin.GetWidgetViewComponent("admin_dashboard_top"), Is.EqualTo(typeof(DeliveryHealthDashboardViewComponent)));
        Assert.That(plugin.GetWidgetViewComponent("head_html_tag"), Is.EqualTo(typeof(VtMarketingTrackingScriptViewComponent)));
    }
}
