using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.Alerts;
using Nop.Plugin.Misc.OrderTouchpoints.Controllers;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

/// <summary>
/// What the configure page does when nopCommerce fails under it (a database that times out, a defect): the page still
/// shows what could be read, says what failed and what to do, keeps what the owner entered, and logs the exception's
/// type and stack without its message, which may quote customer data.
/// </summary>
public class ConfigurePageFailureTests
{
    private const string CustomerEmail = "giulia@example.com";

    private ConfigurePageHost _host = null!;

    [SetUp]
    public void SeedInstalledDefaults()
    {
        _host = ConfigurePageHost.WithInstalledDefaults();
    }

    private void FailLoading<TSettings>(Exception exception) where TSettings : Nop.Core.Configuration.ISettings, new() =>
        _host.Settings.Mock.Setup(s => s.LoadSettingAsync<TSettings>(It.IsAny<int>())).ThrowsAsync(exception);

    private async Task<ConfigurationModel> PreviewAsync(string orderNumber)
    {
        var result = await _host.CreateController().Preview(new PayloadPreviewModel { OrderNumber = orderNumber }, CancellationToken.None);
        Assert.That(result, Is.TypeOf<ViewResult>());
        return (ConfigurationModel)((ViewResult)result).Model!;
    }

    [Test]
    public async Task A_preview_whose_order_lookup_throws_shows_the_page_with_the_reason_and_logs_no_customer_data()
    {
        _host.Orders.Setup(o => o.GetOrderByCustomOrderNumberAsync("A-42"))
            .ThrowsAsync(new InvalidOperationException($"Timeout reading order A-42 of {CustomerEmail}"));

        var page = await PreviewAsync(" A-42 ");

        Assert.That(page.Preview.Failure, Is.EqualTo(ConfigurePageHost.FailureText(PayloadPreviewFactory.OrderLookupFailedResource, nameof(InvalidOperationException))));
        Assert.That((page.Preview.OrderNumber, page.Preview.OrderId), Is.EqualTo(("A-42", (int?)null)), "the number stays for another try");
        Assert.That(page.SettingsUnavailable, Is.Null, "the settings form above still shows");
        var logged = AdminLog.SingleError(_host.Logger);
        Assert.That(logged, Does.Contain("A-42").And.Contain(typeof(InvalidOperationException).FullName));
        Assert.That(logged, Does.Not.Contain(CustomerEmail).And.Not.Contain("Timeout reading"));
        foreach (var channel in _host.Channels.Values)
            channel.Verify(c => c.IsActiveForAsync(It.IsAny<int>(), It.IsAny<TouchpointEvent>()), Times.Never);
    }

    [Test]
    public async Task A_preview_that_a_channel_fails_is_logged_with_the_order_id_and_without_the_exception_message()
    {
        _host.Orders.Setup(o => o.GetOrderByCustomOrderNumberAsync("A-42")).ReturnsAsync(new Order { Id = 42, CustomOrderNumber = "A-42", StoreId = 3 });
        foreach (var channel in _host.Channels.Values)
            channel.Setup(c => c.IsActiveForAsync(It.IsAny<int>(), It.IsAny<TouchpointEvent>())).ReturnsAsync(false);
        var vt = _host.Channels[TouchpointVendor.VtMarketing];
        vt.Setup(c => c.IsActiveForAsync(3, TouchpointEvent.OrderPlaced)).ReturnsAsync(true);
        vt.Setup(c => c.PreviewAsync(It.IsAny<DeliveryRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new NullReferenceException($"Object reference not set ({CustomerEmail})"));

        var page = await PreviewAsync("A-42");

        Assert.That(page.Preview.Results.Single().CannotSendReason, Does.Contain("Object reference not set"), "shown to the owner as before");
        var logged = AdminLog.SingleError(_host.Logger);
        Assert.That(logged, Does.Contain("order id 42").And.Contain(nameof(TouchpointVendor.VtMarketing)).And.Contain(typeof(NullReferenceException).FullName));
        Assert.That(logged, Does.Not.Contain(CustomerEmail));
    }

    [Test]
    public async Task A_configure_page_whose_settings_cannot_be_read_shows_no_settings_form_but_the_health_and_says_why()
    {
        FailLoading<OrderTouchpointsVoyadoSettings>(new TimeoutException("Execution Timeout Expired."));

        var page = await _host.GetPageAsync();

        Assert.That(page.SettingsUnavailable, Is.EqualTo(ConfigurePageHost.FailureText(ConfigurationForm.SettingsUnavailableResource, nameof(TimeoutException))));
        Assert.That(page.Health, Has.Count.EqualTo(3), "the health does not depend on the settings");
        Assert.That(AdminLog.SingleError(_host.Logger), Does.Contain(typeof(TimeoutException).FullName).And.Not.Contain("Execution Timeout Expired"));
    }

    [Test]
    public async Task A_preview_still_shows_when_the_settings_cannot_be_read()
    {
        FailLoading<OrderTouchpointsAlertSettings>(new TimeoutException());
        _host.Orders.Setup(o => o.GetOrderByCustomOrderNumberAsync("A-42")).ReturnsAsync(new Order { Id = 42, CustomOrderNumber = "A-42", StoreId = 3 });
        foreach (var channel in _host.Channels.Values)
            channel.Setup(c => c.IsActiveForAsync(It.IsAny<int>(), It.IsAny<TouchpointEvent>())).ReturnsAsync(false);

        var page = await PreviewAsync("A-42");

        Assert.That(page.SettingsUnavailable, Is.Not.Null);
        Assert.That((page.Preview.Requested, page.Preview.OrderId), Is.EqualTo((true, (int?)42)));
    }

    [Test]
    public async Task A_save_that_fails_shows_the_page_again_as_posted_with_the_reason_and_without_the_typed_key()
    {
        var page = await _host.GetPageAsync();
        page.Transactionale.ApiKey = "trx-key-0123456789";
        page.Voyado.StoreExternalId = "negozio-1";
        page.Delivery.RetentionDays = 14;
        _host.Settings.Mock.Setup(s => s.SaveSettingAsync(It.IsAny<OrderTouchpointsDeliverySettings>(), It.IsAny<int>()))
            .ThrowsAsync(new TimeoutException("Execution Timeout Expired."));

        var (result, modelState) = await _host.PostAsync(page);

        Assert.That(result, Is.TypeOf<ViewResult>().With.Property("ViewName").EqualTo(OrderTouchpointsConfigurationController.ViewPath));
        var shown = (ConfigurationModel)((ViewResult)result).Model!;
        Assert.That((shown.Voyado.StoreExternalId, shown.Delivery.RetentionDays), Is.EqualTo(("negozio-1", 14)));
        Assert.That(shown.Transactionale.ApiKey, Is.Null, "a typed key never comes back in the page");
        Assert.That(modelState.IsValid, Is.True, "nothing the owner entered was wrong");
        _host.Notifications.Verify(n => n.ErrorNotification(
            ConfigurePageHost.FailureText(OrderTouchpointsConfigurationController.SaveFailedResource, nameof(TimeoutException)), true, 0), Times.Once);
        _host.Notifications.Verify(n => n.SuccessNotification(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()), Times.Never);
        Assert.That(AdminLog.SingleError(_host.Logger), Does.Contain(typeof(TimeoutException).FullName));
    }

    [Test]
    public async Task A_save_whose_current_settings_cannot_be_read_saves_nothing_and_shows_the_page_again_as_posted()
    {
        var page = await _host.GetPageAsync();
        page.Voyado.StoreExternalId = "negozio-1";
        page.Delivery.RetentionDays = 14;
        // Only the first read fails (the check's); the page is then prepared again as usual.
        var failures = 1;
        _host.Settings.Mock.Setup(s => s.LoadSettingAsync<OrderTouchpointsTransactionaleSettings>(It.IsAny<int>()))
            .Returns((int storeId) => failures-- > 0
                ? Task.FromException<OrderTouchpointsTransactionaleSettings>(new TimeoutException())
                : Task.FromResult(_host.Settings.Load<OrderTouchpointsTransactionaleSettings>(storeId)));

        var (result, _) = await _host.PostAsync(page);

        var shown = (ConfigurationModel)((ViewResult)result).Model!;
        Assert.That((shown.Voyado.StoreExternalId, shown.Delivery.RetentionDays), Is.EqualTo(("negozio-1", 14)));
        Assert.That((_host.Settings.Load<OrderTouchpointsVoyadoSettings>(0).StoreExternalId, _host.Settings.Load<OrderTouchpointsDeliverySettings>(0).RetentionDays),
            Is.EqualTo(((string?)null, 30)), "nothing was saved");
        _host.Notifications.Verify(n => n.ErrorNotification(
            ConfigurePageHost.FailureText(OrderTouchpointsConfigurationController.NotSavedUnreadableResource, nameof(TimeoutException)), true, 0), Times.Once);
        Assert.That(AdminLog.SingleError(_host.Logger), Does.Contain(typeof(TimeoutException).FullName));
    }

    [Test]
    public async Task A_page_that_cannot_be_prepared_again_keeps_the_posted_choices_in_its_lists()
    {
        var page = await _host.GetPageAsync();
        page.Transactionale.RequiredGdprConsentId = 5;
        page.VtMarketing.FeedColorAttribute = "pa:3";
        page.Delivery.RetrySchedule = "soon";
        // As bound from the post: select lists are not posted.
        page.Transactionale.AvailableCountries = [];
        page.Transactionale.AvailableConsents = [];
        page.VtMarketing.AvailableProductIdSources = [];
        page.VtMarketing.AvailableFeedColorAttributes = [];
        page.VtMarketingFeed.AvailableTrackingScriptPlacements = [];
        _host.Gdpr.Setup(g => g.GetAllConsentsAsync()).ThrowsAsync(new TimeoutException());

        var (result, modelState) = await _host.PostAsync(page);

        Assert.That(modelState.IsValid, Is.False, "refused for the retry schedule");
        var shown = (ConfigurationModel)((ViewResult)result).Model!;
        Assert.That(shown.Transactionale.AvailableConsents.Select(i => i.Value), Does.Contain("5"));
        Assert.That(shown.VtMarketing.AvailableFeedColorAttributes.Select(i => i.Value), Does.Contain("pa:3"));
        Assert.That(shown.VtMarketing.AvailableProductIdSources.Select(i => i.Value), Does.Contain(nameof(ProductIdSource.ProductId)));
        Assert.That(shown.VtMarketingFeed.AvailableTrackingScriptPlacements.Select(i => i.Value),
            Does.Contain(shown.VtMarketingFeed.TrackingScriptPlacementId.ToString()));
        _host.Notifications.Verify(n => n.ErrorNotification(
            ConfigurePageHost.FailureText(ConfigurationForm.RedisplayIncompleteResource, nameof(TimeoutException)), true, 0), Times.Once);
        _host.Notifications.Verify(n => n.ErrorNotification(ConfigurePageHost.English(OrderTouchpointsConfigurationController.NotSavedResource), true, 0), Times.Once);
    }

    [Test]
    public async Task New_feed_tokens_that_cannot_be_saved_after_the_page_was_redirect_with_the_reason()
    {
        _host.StoreScope = 1;
        var page = await _host.GetPageAsync();
        page.Delivery.RetentionDays = 14;
        _host.Settings.Mock.Setup(s => s.SaveSettingAsync(It.IsAny<OrderTouchpointsVtMarketingSettings>(),
                It.IsAny<Expression<Func<OrderTouchpointsVtMarketingSettings, It.IsAnyType>>>(), It.IsAny<int>(), It.IsAny<bool>()))
            .ThrowsAsync(new TimeoutException());

        var (result, _) = await _host.RegenerateFeedTokenAsync(page);

        Assert.That(result, Is.TypeOf<RedirectToActionResult>().With.Property("ActionName").EqualTo("Configure"));
        Assert.That(_host.Settings.Load<OrderTouchpointsDeliverySettings>(0).RetentionDays, Is.EqualTo(14), "the page was saved first");
        _host.Notifications.Verify(n => n.SuccessNotification(ConfigurePageHost.English(OrderTouchpointsConfigurationController.SavedFirstResource), true, 0), Times.Once);
        _host.Notifications.Verify(n => n.ErrorNotification(
            ConfigurePageHost.FailureText(VtMarketingFeedModel.TokenNotRegeneratedResource, nameof(TimeoutException)), true, 0), Times.Once);
        _host.Notifications.Verify(n => n.SuccessNotification(ConfigurePageHost.English(VtMarketingFeedModel.TokenRegeneratedResource), true, 0), Times.Never);
        Assert.That(AdminLog.SingleError(_host.Logger), Does.Contain(typeof(TimeoutException).FullName));
    }

    [Test]
    public async Task A_connection_test_that_throws_is_logged_with_its_type_and_without_its_message()
    {
        _host.Channels[TouchpointVendor.Transactionale].Setup(c => c.TestConnectionAsync(0, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException($"Unexpected state for {CustomerEmail}"));

        await _host.TestConnectionAsync(await _host.GetPageAsync(), TouchpointVendor.Transactionale);

        var logged = AdminLog.SingleError(_host.Logger);
        Assert.That(logged, Does.Contain(nameof(TouchpointVendor.Transactionale)).And.Contain(typeof(InvalidOperationException).FullName));
        Assert.That(logged, Does.Not.Contain(CustomerEmail));
    }

    [Test]
    public async Task A_connection_test_cancelled_inside_the_channel_is_reported_not_thrown()
    {
        // HttpClient reports its own time-out as a cancellation, although the admin's request was not aborted.
        _host.Channels[TouchpointVendor.VoyadoEngage].Setup(c => c.TestConnectionAsync(0, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 10 seconds elapsing."));

        var (result, _) = await _host.TestConnectionAsync(await _host.GetPageAsync(), TouchpointVendor.VoyadoEngage);

        Assert.That(result, Is.TypeOf<RedirectToActionResult>().With.Property("ActionName").EqualTo("Configure"));
        _host.Notifications.Verify(n => n.ErrorNotification(It.Is<string>(s => s.StartsWith("Voyado Engage: test failed.") && s.Contains("HttpClient.Timeout")), true, 0),
            Times.Once);
    }
}
