using Microsoft.AspNetCore.Mvc;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

public class ConnectionTestAndPreviewTests
{
    private ConfigurePageHost _host = null!;

    [SetUp]
    public void CreateHost() => _host = new ConfigurePageHost();

    [Test]
    public async Task Test_connection_asks_the_chosen_vendor_for_the_current_store_scope()
    {
        _host.StoreScope = 4;
        _host.Channels[TouchpointVendor.VoyadoEngage].Setup(c => c.TestConnectionAsync(4, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ConnectionTestResult(true, "Looked up a contact that cannot exist: Engage answered 404 with this key."));

        var (result, _) = await _host.TestConnectionAsync(await _host.GetPageAsync(), TouchpointVendor.VoyadoEngage);

        Assert.That(result, Is.TypeOf<RedirectToActionResult>().With.Property("ActionName").EqualTo("Configure"));
        _host.Channels[TouchpointVendor.VoyadoEngage].Verify(c => c.TestConnectionAsync(4, It.IsAny<CancellationToken>()), Times.Once);
        _host.Notifications.Verify(n => n.SuccessNotification(It.Is<string>(s => s.Contains("Voyado Engage") && s.Contains("404 with this key")), true, 0), Times.Once);
        _host.Notifications.Verify(n => n.ErrorNotification(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()), Times.Never);
        foreach (var other in new[] { TouchpointVendor.Transactionale, TouchpointVendor.VtMarketing })
            _host.Channels[other].Verify(c => c.TestConnectionAsync(It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_failed_test_is_shown_as_an_error_with_what_the_vendor_said()
    {
        _host.Channels[TouchpointVendor.VtMarketing].Setup(c => c.TestConnectionAsync(0, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ConnectionTestResult(false, "401 Unauthorized: invalid key"));

        await _host.TestConnectionAsync(await _host.GetPageAsync(), TouchpointVendor.VtMarketing);

        _host.Notifications.Verify(n => n.ErrorNotification(It.Is<string>(s => s.Contains("VTmarketing") && s.Contains("401 Unauthorized: invalid key")), true, 0), Times.Once);
    }

    [Test]
    public async Task A_channel_that_throws_is_reported_without_an_exception_reaching_the_page()
    {
        _host.Channels[TouchpointVendor.Transactionale].Setup(c => c.TestConnectionAsync(0, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("Connection refused (www.transactionale.com:443) for giulia@example.com"));

        await _host.TestConnectionAsync(await _host.GetPageAsync(), TouchpointVendor.Transactionale);

        _host.Notifications.Verify(n => n.ErrorNotification(It.Is<string>(s => s.Contains("Connection refused") && !s.Contains("giulia@example.com")), true, 0), Times.Once);
    }

    [Test]
    public async Task A_vendor_without_a_registered_channel_says_so()
    {
        _host.Channels.Remove(TouchpointVendor.Transactionale);

        await _host.TestConnectionAsync(await _host.GetPageAsync(), TouchpointVendor.Transactionale);

        _host.Notifications.Verify(n => n.ErrorNotification(It.Is<string>(s => s.StartsWith("Transactionale: this installation has no connection test")), true, 0), Times.Once);
    }

    [Test]
    public async Task An_edit_made_before_test_connection_is_saved_first_and_the_test_uses_it()
    {
        _host.Settings.Seed(new OrderTouchpointsTransactionaleSettings());
        _host.Settings.Seed(new OrderTouchpointsVoyadoSettings());
        _host.Settings.Seed(new OrderTouchpointsVtMarketingSettings());
        _host.Settings.Seed(new OrderTouchpointsDeliverySettings());
        var page = await _host.GetPageAsync();
        page.Transactionale.Enabled = true;
        page.Transactionale.ApiKey = "trx-key-0123456789";
        page.Transactionale.ShopCountryCode = "IT";
        page.Transactionale.SendWithoutConsentCheck = true;
        string? keySeenByTest = null;
        _host.Channels[TouchpointVendor.Transactionale].Setup(c => c.TestConnectionAsync(0, It.IsAny<CancellationToken>()))
            .Callback(() => keySeenByTest = _host.Settings.Load<OrderTouchpointsTransactionaleSettings>(0).ApiKey)
            .ReturnsAsync(new ConnectionTestResult(true, "Accepted."));

        var (result, _) = await _host.TestConnectionAsync(page, TouchpointVendor.Transactionale);

        Assert.That(result, Is.TypeOf<RedirectToActionResult>().With.Property("ActionName").EqualTo("Configure"));
        Assert.That(keySeenByTest, Is.EqualTo(ConfigurePageHost.Encrypt("trx-key-0123456789")));
        Assert.That(_host.Settings.Load<OrderTouchpointsTransactionaleSettings>(0).Enabled, Is.True);
        _host.Notifications.Verify(n => n.SuccessNotification("Your changes were saved first.", true, 0), Times.Once);
    }

    [Test]
    public async Task A_refused_save_tests_nothing_and_shows_the_page_with_an_error()
    {
        var page = await _host.GetPageAsync();
        page.Delivery.RetrySchedule = "soon";

        var (result, modelState) = await _host.TestConnectionAsync(page, TouchpointVendor.VoyadoEngage);

        Assert.That(result, Is.TypeOf<ViewResult>());
        Assert.That(modelState.IsValid, Is.False);
        _host.Channels[TouchpointVendor.VoyadoEngage].Verify(c => c.TestConnectionAsync(It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
        _host.Notifications.Verify(n => n.ErrorNotification(
            "Nothing was saved or tested: correct the fields marked below, then test again.", true, 0), Times.Once);
        _host.Notifications.Verify(n => n.SuccessNotification(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()), Times.Never);
    }

    private Order AddOrder()
    {
        var order = new Order { Id = 42, CustomOrderNumber = "A-42", StoreId = 3 };
        _host.Orders.Setup(o => o.GetOrderByCustomOrderNumberAsync("A-42")).ReturnsAsync(order);
        foreach (var channel in _host.Channels.Values)
            channel.Setup(c => c.IsActiveForAsync(It.IsAny<int>(), It.IsAny<TouchpointEvent>())).ReturnsAsync(false);
        return order;
    }

    private async Task<PayloadPreviewModel> PreviewAsync(string orderNumber)
    {
        var result = (ViewResult)await _host.CreateController().Preview(new PayloadPreviewModel { OrderNumber = orderNumber }, CancellationToken.None);
        return ((ConfigurationModel)result.Model!).Preview;
    }

    [Test]
    public async Task Preview_asks_each_active_vendor_for_each_active_event_at_the_orders_store_and_sends_nothing()
    {
        AddOrder();
        var voyado = _host.Channels[TouchpointVendor.VoyadoEngage];
        voyado.Setup(c => c.IsActiveForAsync(3, TouchpointEvent.OrderPlaced)).ReturnsAsync(true);
        voyado.Setup(c => c.IsActiveForAsync(3, TouchpointEvent.OrderPaid)).ReturnsAsync(true);
        voyado.Setup(c => c.PreviewAsync(It.IsAny<DeliveryRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DeliveryRequest r, CancellationToken _) => new PayloadPreview(
            [
                new PreviewRequest("POST", "https://acme.voyado.com/api/v2/orders", $$"""{"orderNumber":"A-42","event":"{{r.Event}}","totalGrossPrice":56.10}""")
            ]));

        var preview = await PreviewAsync(" A-42 ");

        Assert.That(preview.OrderId, Is.EqualTo(42));
        Assert.That(preview.Results.Select(r => (r.VendorName, r.Event)), Is.EqualTo(new[]
        {
            ("Voyado Engage", TouchpointEvent.OrderPlaced),
            ("Voyado Engage", TouchpointEvent.OrderPaid)
        }));
        var json = preview.Results[0].Requests.Single().Json!;
        Assert.That(json, Does.Contain("\n").And.Contain("\"totalGrossPrice\": 56.10"), "indented, the number's text unchanged");
        voyado.Verify(c => c.PreviewAsync(It.Is<DeliveryRequest>(r => r.StoreId == 3 && r.OrderId == 42 && r.Event == TouchpointEvent.OrderPlaced
            && r.EventOccurredUtc == ConfigurePageHost.Start.UtcDateTime), It.IsAny<CancellationToken>()), Times.Once);
        foreach (var channel in _host.Channels.Values)
        {
            channel.Verify(c => c.DeliverAsync(It.IsAny<DeliveryRequest>(), It.IsAny<CancellationToken>()), Times.Never);
            channel.Verify(c => c.IsActiveForAsync(It.Is<int>(s => s != 3), It.IsAny<TouchpointEvent>()), Times.Never);
        }
    }

    [Test]
    public async Task Preview_shows_why_a_vendor_would_send_nothing()
    {
        AddOrder();
        var transactionale = _host.Channels[TouchpointVendor.Transactionale];
        transactionale.Setup(c => c.IsActiveForAsync(3, TouchpointEvent.OrderPlaced)).ReturnsAsync(true);
        transactionale.Setup(c => c.PreviewAsync(It.IsAny<DeliveryRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PayloadPreview([], "The customer has not accepted the required consent."));

        var preview = await PreviewAsync("A-42");

        Assert.That(preview.Results.Single().CannotSendReason, Is.EqualTo("The customer has not accepted the required consent."));
        Assert.That(preview.Results.Single().Requests, Is.Empty);
    }

    [Test]
    public async Task A_preview_that_fails_is_shown_as_a_reason_for_that_vendor_only()
    {
        AddOrder();
        var vt = _host.Channels[TouchpointVendor.VtMarketing];
        vt.Setup(c => c.IsActiveForAsync(3, TouchpointEvent.OrderPlaced)).ReturnsAsync(true);
        vt.Setup(c => c.PreviewAsync(It.IsAny<DeliveryRequest>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("no items"));

        var preview = await PreviewAsync("A-42");

        Assert.That(preview.Results.Single().CannotSendReason, Does.Contain("no items"));
    }

    [Test]
    public async Task A_vendor_whose_settings_cannot_be_read_is_shown_with_the_reason_and_the_others_still_preview()
    {
        AddOrder();
        var vt = _host.Channels[TouchpointVendor.VtMarketing];
        vt.Setup(c => c.IsActiveForAsync(3, TouchpointEvent.OrderPlaced)).ThrowsAsync(new TimeoutException("settings read timed out"));
        var voyado = _host.Channels[TouchpointVendor.VoyadoEngage];
        voyado.Setup(c => c.IsActiveForAsync(3, TouchpointEvent.OrderPlaced)).ReturnsAsync(true);
        voyado.Setup(c => c.PreviewAsync(It.IsAny<DeliveryRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(new PayloadPreview([], "nothing to send"));

        var preview = await PreviewAsync("A-42");

        Assert.That(preview.Results.Select(r => (r.VendorName, r.Event)), Is.EquivalentTo(new[]
        {
            ("VTmarketing", TouchpointEvent.OrderPlaced),
            ("Voyado Engage", TouchpointEvent.OrderPlaced)
        }));
        var failed = preview.Results.Single(r => r.VendorName == "VTmarketing");
        Assert.That(failed.CannotSendReason, Does.Contain("settings read timed out"));
        Assert.That(failed.Requests, Is.Empty);
        vt.Verify(c => c.PreviewAsync(It.IsAny<DeliveryRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task An_unknown_order_number_asks_no_vendor_anything()
    {
        var preview = await PreviewAsync("nope");

        Assert.That(preview.Requested, Is.True);
        Assert.That(preview.OrderId, Is.Null);
        Assert.That(preview.Results, Is.Empty);
        foreach (var channel in _host.Channels.Values)
            channel.Verify(c => c.IsActiveForAsync(It.IsAny<int>(), It.IsAny<TouchpointEvent>()), Times.Never);
    }
}
