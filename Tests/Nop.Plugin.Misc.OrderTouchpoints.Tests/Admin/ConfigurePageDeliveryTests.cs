using Microsoft.AspNetCore.Mvc;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

/// <summary>The configure page's delivery health and its VTmarketing feed section.</summary>
public class ConfigurePageDeliveryTests
{
    private ConfigurePageHost _host = null!;

    [SetUp]
    public void CreateHost()
    {
        _host = ConfigurePageHost.WithInstalledDefaults();
    }

    [Test]
    public async Task Health_shows_every_vendor_at_the_store_scope_with_admin_times()
    {
        _host.StoreScope = 2;
        var delivered = new DateTime(2026, 11, 20, 8, 15, 0, DateTimeKind.Utc);
        _host.Reports.Setup(o => o.GetVendorHealthAsync(2, It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new VendorHealth(TouchpointVendor.VoyadoEngage, 3, 40, 2, delivered),
            new VendorHealth(TouchpointVendor.Transactionale, 0, 12, 0, null)
        ]);

        var page = await _host.GetPageAsync();

        Assert.That(page.Health.Select(h => (h.VendorName, h.Waiting, h.DeliveredLast24Hours, h.FailedLast24Hours, h.LastDeliveredOn)), Is.EqualTo(new[]
        {
            ("Transactionale", 0, 12, 0, (DateTime?)null),
            ("Voyado Engage", 3, 40, 2, new DateTime(2026, 11, 20, 10, 15, 0)),
            ("VTmarketing", 0, 0, 0, null)
        }));
    }

    private const string HealthUnavailable = "The delivery health could not be loaded; the reason is in System → Log.";

    private void FailHealthReport() =>
        _host.Reports.Setup(o => o.GetVendorHealthAsync(It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException("The report query timed out."));

    private void VerifyHealthFailureReported()
    {
        _host.Notifications.Verify(n => n.ErrorNotification(HealthUnavailable, true, 0), Times.Once);
        _host.Logger.Verify(l => l.ErrorAsync(It.Is<string>(m => m.Contains(typeof(TimeoutException).FullName!) && !m.Contains("timed out")), null, null),
            Times.Once);
    }

    [Test]
    public async Task A_health_report_that_fails_still_shows_the_configure_page_and_says_so()
    {
        FailHealthReport();

        var page = await _host.GetPageAsync();

        Assert.That(page.Health, Is.Empty);
        Assert.That(page.Transactionale, Is.Not.Null, "the vendor cards are there to act on");
        VerifyHealthFailureReported();
    }

    [Test]
    public async Task A_refused_save_shows_the_page_again_when_the_health_report_fails()
    {
        var model = await _host.GetPageAsync();
        FailHealthReport();
        model.Delivery.RetrySchedule = "soon";

        var (result, modelState) = await _host.PostAsync(model);

        Assert.That(result, Is.TypeOf<ViewResult>());
        Assert.That(modelState.IsValid, Is.False);
        Assert.That(((ConfigurationModel)((ViewResult)result).Model!).Health, Is.Empty);
        _host.Notifications.Verify(n => n.ErrorNotification("Nothing was saved: correct the fields marked below.", true, 0), Times.Once);
        VerifyHealthFailureReported();
    }

    [Test]
    public async Task The_payload_preview_still_shows_when_the_health_report_fails()
    {
        FailHealthReport();
        _host.Orders.Setup(o => o.GetOrderByCustomOrderNumberAsync("A-42")).ReturnsAsync(new Order { Id = 42, CustomOrderNumber = "A-42", StoreId = 3 });
        foreach (var channel in _host.Channels.Values)
            channel.Setup(c => c.IsActiveForAsync(It.IsAny<int>(), It.IsAny<TouchpointEvent>())).ReturnsAsync(false);

        var result = await _host.CreateController().Preview(new PayloadPreviewModel { OrderNumber = "A-42" }, CancellationToken.None);

        var page = (ConfigurationModel)((ViewResult)result).Model!;
        Assert.That(page.Preview.OrderId, Is.EqualTo(42));
        Assert.That(page.Health, Is.Empty);
        VerifyHealthFailureReported();
    }

    [Test]
    public async Task Enabling_vtmarketing_for_all_stores_gives_every_store_its_own_feed_token_and_saves_the_feed_section()
    {
        var model = await _host.GetPageAsync();
        model.VtMarketing.Enabled = true;
        model.VtMarketing.ApiKey = "vtm-key-0123456789";
        model.VtMarketing.EndpointUrl = "https://api.vtmarketing.example/events";
        model.VtMarketingFeed.FeedCacheMinutes = 30;
        model.VtMarketingFeed.TrackingScript = " <script>vt()</script> ";

        var (result, modelState) = await _host.PostAsync(model);

        Assert.That(modelState.IsValid, Is.True, string.Join("; ", modelState.Where(e => e.Value!.Errors.Count > 0).Select(e => e.Key)));
        Assert.That(result, Is.TypeOf<RedirectToActionResult>());
        var tokens = new[] { 1, 2 }.Select(store => _host.Settings.Stored<OrderTouchpointsVtMarketingSettings, string?>(s => s.FeedToken, store)).ToList();
        Assert.That(tokens, Has.All.Not.Null.And.Not.Empty);
        Assert.That(tokens, Is.Unique);
        Assert.That(_host.Settings.Stored<OrderTouchpointsVtMarketingSettings, string?>(s => s.FeedToken, 0), Is.Null, "no token shared by all stores");
        var saved = _host.Settings.Load<OrderTouchpointsVtMarketingSettings>(0);
        Assert.That((saved.FeedCacheMinutes, saved.TrackingScript), Is.EqualTo((30, "<script>vt()</script>")));
    }

    [Test]
    public async Task The_page_shows_the_feed_urls_of_the_stores_with_a_token()
    {
        _host.Settings.Set<OrderTouchpointsVtMarketingSettings, bool>(s => s.Enabled, true, 1);
        _host.Settings.Set<OrderTouchpointsVtMarketingSettings, string?>(s => s.FeedToken, "token-1", 1);

        var page = await _host.GetPageAsync();

        Assert.That(page.VtMarketingFeed.FeedUrls.Select(f => (f.StoreName, HasUrl: f.Url is not null)),
            Is.EqualTo(new[] { ("Negozio", true), ("Shop", false) }));
        Assert.That(page.VtMarketingFeed.FeedUrls[0].Url, Does.Contain("token-1"));
    }

    [Test]
    public async Task Regenerating_the_token_at_a_store_replaces_only_that_stores_token_and_says_so()
    {
        _host.StoreScope = 1;
        _host.Settings.Set<OrderTouchpointsVtMarketingSettings, bool>(s => s.Enabled, true, 1);
        _host.Settings.Set<OrderTouchpointsVtMarketingSettings, string?>(s => s.FeedToken, "old-1", 1);
        _host.Settings.Set<OrderTouchpointsVtMarketingSettings, string?>(s => s.FeedToken, "old-2", 2);

        var page = await _host.GetPageAsync();
        page.VtMarketing.ApiKey = "vtm-key-0123456789";
        page.VtMarketing.ApiKey_OverrideForStore = true;

        var (result, modelState) = await _host.RegenerateFeedTokenAsync(page);

        Assert.That(modelState.IsValid, Is.True, string.Join("; ", modelState.Where(e => e.Value!.Errors.Count > 0).Select(e => $"{e.Key}: {e.Value!.Errors[0].ErrorMessage}")));
        Assert.That(result, Is.TypeOf<RedirectToActionResult>().With.Property("ActionName").EqualTo("Configure"));
        Assert.That(_host.Settings.Stored<OrderTouchpointsVtMarketingSettings, string?>(s => s.FeedToken, 1), Is.Not.EqualTo("old-1").And.Not.Null);
        Assert.That(_host.Settings.Stored<OrderTouchpointsVtMarketingSettings, string?>(s => s.FeedToken, 2), Is.EqualTo("old-2"));
        _host.Notifications.Verify(n => n.SuccessNotification(ConfigurePageHost.English(VtMarketingFeedModel.TokenRegeneratedResource), true, 0), Times.Once);
        Assert.That(_host.Settings.Stored<OrderTouchpointsVtMarketingSettings, string?>(s => s.ApiKey, 1), Is.EqualTo(ConfigurePageHost.Encrypt("vtm-key-0123456789")),
            "the key typed before pressing the button is saved, not lost");
        _host.Notifications.Verify(n => n.SuccessNotification("Your changes were saved first.", true, 0), Times.Once);
    }

    [Test]
    public async Task A_refused_save_gives_no_new_token_and_says_why()
    {
        _host.Settings.Set<OrderTouchpointsVtMarketingSettings, string?>(s => s.FeedToken, "old-0", 0);
        var page = await _host.GetPageAsync();
        page.Delivery.RetrySchedule = "soon";

        var (result, _) = await _host.RegenerateFeedTokenAsync(page);

        Assert.That(result, Is.TypeOf<ViewResult>());
        Assert.That(_host.Settings.Stored<OrderTouchpointsVtMarketingSettings, string?>(s => s.FeedToken, 0), Is.EqualTo("old-0"));
        _host.Notifications.Verify(n => n.ErrorNotification(
            "Nothing was saved and the feed token was not changed: correct the fields marked below.", true, 0), Times.Once);
    }
}
