using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

/// <summary>Saving the configure page: the right values land at the right store scope, the nopCommerce way.</summary>
public class ConfigurationSaveTests
{
    private ConfigurePageHost _host = null!;

    [SetUp]
    public void SeedInstalledDefaults()
    {
        _host = ConfigurePageHost.WithInstalledDefaults();
    }

    [Test]
    public async Task At_all_stores_every_field_is_saved_for_store_0_then_the_cache_is_cleared_once()
    {
        var model = await _host.GetPageAsync();
        model.Transactionale.Enabled = true;
        model.Transactionale.ApiKey = "trx-key-0123456789";
        model.Transactionale.ShopCountryCode = "it";
        model.Transactionale.SendPhone = true;
        model.Transactionale.RequiredGdprConsentId = 5;
        model.Voyado.Source = "  ";
        model.Voyado.MaxRequestsPerSecond = 25;
        model.VtMarketing.ProductIdSource = ProductIdSource.Sku;
        model.VtMarketing.CompleteOrderStatus = " done ";
        model.Delivery.RetrySchedule = "5s, 1m ,1h";
        model.Delivery.RetentionDays = 14;

        var (result, modelState) = await _host.PostAsync(model);

        Assert.That(modelState.IsValid, Is.True, string.Join("; ", modelState.Where(e => e.Value!.Errors.Count > 0).Select(e => e.Key)));
        Assert.That(result, Is.TypeOf<RedirectToActionResult>().With.Property("ActionName").EqualTo("Configure"));
        var transactionale = _host.Settings.Load<OrderTouchpointsTransactionaleSettings>(0);
        Assert.That(transactionale.Enabled, Is.True);
        Assert.That(transactionale.ShopCountryCode, Is.EqualTo("IT"));
        Assert.That(transactionale.SendPhone, Is.True);
        Assert.That(transactionale.RequiredGdprConsentId, Is.EqualTo(5));
        Assert.That(_host.Settings.Load<OrderTouchpointsVoyadoSettings>(0).Source, Is.Null, "blank optional text is stored as none");
        Assert.That(_host.Settings.Load<OrderTouchpointsVoyadoSettings>(0).MaxRequestsPerSecond, Is.EqualTo(25));
        Assert.That(_host.Settings.Load<OrderTouchpointsVtMarketingSettings>(0).ProductIdSource, Is.EqualTo(ProductIdSource.Sku));
        Assert.That(_host.Settings.Load<OrderTouchpointsVtMarketingSettings>(0).CompleteOrderStatus, Is.EqualTo("done"));
        Assert.That(_host.Settings.Load<OrderTouchpointsDeliverySettings>(0).RetrySchedule, Is.EqualTo("5s,1m,1h"));
        Assert.That(_host.Settings.Load<OrderTouchpointsDeliverySettings>(0).RetentionDays, Is.EqualTo(14));
        Assert.That(_host.Settings.CacheClears, Is.EqualTo(1));
        _host.Notifications.Verify(n => n.SuccessNotification("Admin.Plugins.Saved", true, 0), Times.Once);
    }

    [Test]
    public async Task Alert_settings_are_saved_for_all_stores_with_a_trimmed_address()
    {
        _host.StoreScope = 2;
        var model = await _host.GetPageAsync();
        Assert.That((model.Alerts.Enabled, model.Alerts.WaitingThresholdMinutes, model.Alerts.PeriodMinutes), Is.EqualTo((true, 30, 60)));
        model.Alerts.WaitingThresholdMinutes = 45;
        model.Alerts.PeriodMinutes = 120;
        model.Alerts.RecipientEmail = " ops@negozio.example ";

        var (_, modelState) = await _host.PostAsync(model);

        Assert.That(modelState.IsValid, Is.True);
        var saved = _host.Settings.Load<Nop.Plugin.Misc.OrderTouchpoints.Alerts.OrderTouchpointsAlertSettings>(0);
        Assert.That((saved.WaitingThresholdMinutes, saved.PeriodMinutes, saved.RecipientEmail), Is.EqualTo((45, 120, "ops@negozio.example")));
    }

    [TestCase("not an address", 30, 60, "Alerts.RecipientEmail")]
    [TestCase("", 0, 60, "Alerts.WaitingThresholdMinutes")]
    [TestCase("", 30, 1, "Alerts.PeriodMinutes")]
    public async Task Unusable_alert_settings_are_refused_on_their_field(string email, int threshold, int period, string field)
    {
        var model = await _host.GetPageAsync();
        model.Alerts.RecipientEmail = email;
        model.Alerts.WaitingThresholdMinutes = threshold;
        model.Alerts.PeriodMinutes = period;

        var (_, modelState) = await _host.PostAsync(model);

        Assert.That(modelState.Where(e => e.Value!.Errors.Count > 0).Select(e => e.Key), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task A_refused_save_says_so_in_an_error_notification()
    {
        var model = await _host.GetPageAsync();
        model.Delivery.RetrySchedule = "soon";

        var (result, _) = await _host.PostAsync(model);

        Assert.That(result, Is.TypeOf<ViewResult>());
        _host.Notifications.Verify(n => n.ErrorNotification("Nothing was saved: correct the fields marked below.", true, 0), Times.Once);
        _host.Notifications.Verify(n => n.SuccessNotification(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()), Times.Never);
    }

    [Test]
    public async Task At_a_store_ticked_fields_get_a_store_value_and_unticked_ones_lose_it()
    {
        const int store = 3;
        _host.Settings.Set<OrderTouchpointsTransactionaleSettings, bool>(s => s.SendLastName, true, store);
        _host.StoreScope = store;
        var model = await _host.GetPageAsync();
        Assert.That(model.Transactionale.SendLastName_OverrideForStore, Is.True, "an existing store value shows as overridden");
        Assert.That(model.Transactionale.SendPhone_OverrideForStore, Is.False);

        model.Transactionale.SendLastName_OverrideForStore = false;
        model.Transactionale.ShopCountryCode_OverrideForStore = true;
        model.Transactionale.ShopCountryCode = "SE";
        model.Voyado.ContactType_OverrideForStore = true;
        model.Voyado.ContactType = "Member";
        model.Voyado.Source = "ignored: not overridden";

        var (_, modelState) = await _host.PostAsync(model);

        Assert.That(modelState.IsValid, Is.True);
        Assert.That(_host.Settings.Exists<OrderTouchpointsTransactionaleSettings, bool>(s => s.SendLastName, store), Is.False);
        Assert.That(_host.Settings.Stored<OrderTouchpointsTransactionaleSettings, string?>(s => s.ShopCountryCode, store), Is.EqualTo("SE"));
        Assert.That(_host.Settings.Stored<OrderTouchpointsVoyadoSettings, string>(s => s.ContactType, store), Is.EqualTo("Member"));
        Assert.That(_host.Settings.Exists<OrderTouchpointsVoyadoSettings, string?>(s => s.Source, store), Is.False);
        Assert.That(_host.Settings.Load<OrderTouchpointsTransactionaleSettings>(0).ShopCountryCode, Is.Null, "the shared value is untouched");
        Assert.That(_host.Settings.Load<OrderTouchpointsVoyadoSettings>(0).ContactType, Is.EqualTo("Contact"));
        Assert.That(_host.Settings.Load<OrderTouchpointsVoyadoSettings>(store).Source, Is.EqualTo("ECOM"), "the store inherits the shared value");
    }

    [Test]
    public async Task Delivery_settings_are_saved_for_all_stores_whatever_the_scope()
    {
        _host.StoreScope = 2;
        var model = await _host.GetPageAsync();
        model.Delivery.MaxConcurrentSends = 4;
        model.Delivery.ReconciliationEnabled = false;

        await _host.PostAsync(model);

        Assert.That(_host.Settings.Load<OrderTouchpointsDeliverySettings>(0).MaxConcurrentSends, Is.EqualTo(4));
        Assert.That(_host.Settings.Load<OrderTouchpointsDeliverySettings>(0).ReconciliationEnabled, Is.False);
        Assert.That(_host.Settings.Exists<OrderTouchpointsDeliverySettings, int>(s => s.MaxConcurrentSends, 2), Is.False);
    }

    [Test]
    public async Task Feed_colour_choice_lists_product_and_specification_attributes_and_is_saved_as_its_source()
    {
        var model = await _host.GetPageAsync();
        Assert.That(model.VtMarketing.AvailableFeedColorAttributes.Select(i => (i.Text, i.Value)), Is.EqualTo(new[]
        {
            ("No colour", ""), ("Product attribute: Colore", "ProductAttribute:3"), ("Product attribute: Taglia", "ProductAttribute:4"),
            ("Specification attribute: Colour", "SpecificationAttribute:8")
        }));
        model.VtMarketing.FeedColorAttribute = "ProductAttribute:3";

        await _host.PostAsync(model);

        Assert.That(_host.Settings.Load<OrderTouchpointsVtMarketingSettings>(0).FeedColorAttribute, Is.EqualTo("ProductAttribute:3"));
        Assert.That((await _host.GetPageAsync()).VtMarketing.FeedColorAttribute, Is.EqualTo("ProductAttribute:3"));
        model.VtMarketing.FeedColorAttribute = "";
        await _host.PostAsync(model);
        Assert.That(_host.Settings.Load<OrderTouchpointsVtMarketingSettings>(0).FeedColorAttribute, Is.Null, "no colour");
    }

    [Test]
    public async Task Voyado_language_rows_are_stored_as_one_override_line_per_language()
    {
        var model = await _host.GetPageAsync();
        Assert.That(model.Voyado.Languages.Select(l => (l.LanguageId, l.LanguageCulture)), Is.EqualTo(new[] { (1, "it-IT"), (2, "sv-SE") }));
        model.Voyado.Languages[1].OverrideCulture = " sv ";

        await _host.PostAsync(model);

        Assert.That(_host.Settings.Load<OrderTouchpointsVoyadoSettings>(0).LanguageOverrides, Is.EqualTo("2=sv"));
        var again = await _host.GetPageAsync();
        Assert.That(again.Voyado.Languages.Select(l => l.OverrideCulture), Is.EqualTo(new[] { null, "sv" }));
    }

    [Test]
    public async Task Switching_a_vendor_on_records_when_and_later_saves_keep_that_time()
    {
        var model = await _host.GetPageAsync();
        model.VtMarketing.Enabled = true;
        model.VtMarketing.ApiKey = "vt-key-0123456789";
        await _host.PostAsync(model);
        Assert.That(_host.Settings.Load<OrderTouchpointsVtMarketingSettings>(0).EnabledOnUtc, Is.EqualTo(ConfigurePageHost.Start.UtcDateTime));

        _host.Time.SetUtcNow(ConfigurePageHost.Start.AddDays(2));
        model = await _host.GetPageAsync();
        model.VtMarketing.PendingOrderStatus = "new";
        await _host.PostAsync(model);
        Assert.That(_host.Settings.Load<OrderTouchpointsVtMarketingSettings>(0).EnabledOnUtc, Is.EqualTo(ConfigurePageHost.Start.UtcDateTime), "still on: unchanged");

        model = await _host.GetPageAsync();
        model.VtMarketing.Enabled = false;
        await _host.PostAsync(model);
        Assert.That(_host.Settings.Load<OrderTouchpointsVtMarketingSettings>(0).EnabledOnUtc, Is.EqualTo(ConfigurePageHost.Start.UtcDateTime), "switched off: unchanged");

        _host.Time.SetUtcNow(ConfigurePageHost.Start.AddDays(5));
        model = await _host.GetPageAsync();
        model.VtMarketing.Enabled = true;
        await _host.PostAsync(model);
        Assert.That(_host.Settings.Load<OrderTouchpointsVtMarketingSettings>(0).EnabledOnUtc, Is.EqualTo(ConfigurePageHost.Start.AddDays(5).UtcDateTime), "on again: now");
    }

    [Test]
    public async Task Switching_a_vendor_on_for_one_store_records_the_time_for_that_store_only()
    {
        _host.Settings.Set<OrderTouchpointsVtMarketingSettings, string?>(s => s.ApiKey, ConfigurePageHost.Encrypt("vt-key-0123456789"), 0);
        _host.StoreScope = 7;
        var model = await _host.GetPageAsync();
        model.VtMarketing.Enabled_OverrideForStore = true;
        model.VtMarketing.Enabled = true;

        await _host.PostAsync(model);

        Assert.That(_host.Settings.Stored<OrderTouchpointsVtMarketingSettings, bool>(s => s.Enabled, 7), Is.True);
        Assert.That(_host.Settings.Stored<OrderTouchpointsVtMarketingSettings, DateTime?>(s => s.EnabledOnUtc, 7), Is.EqualTo(ConfigurePageHost.Start.UtcDateTime));
        Assert.That(_host.Settings.Load<OrderTouchpointsVtMarketingSettings>(0).EnabledOnUtc, Is.Null);
        Assert.That(_host.Settings.Load<OrderTouchpointsVtMarketingSettings>(0).Enabled, Is.False);
    }

    [Test]
    public async Task Enabling_an_already_enabled_store_by_ticking_its_override_does_not_move_the_time()
    {
        var enabledOn = ConfigurePageHost.Start.AddDays(-30).UtcDateTime;
        _host.Settings.Seed(new OrderTouchpointsVtMarketingSettings { Enabled = true, EnabledOnUtc = enabledOn, ApiKey = ConfigurePageHost.Encrypt("vt-key-0123456789") });
        _host.StoreScope = 7;
        var model = await _host.GetPageAsync();
        model.VtMarketing.Enabled_OverrideForStore = true;

        await _host.PostAsync(model);

        Assert.That(_host.Settings.Stored<OrderTouchpointsVtMarketingSettings, DateTime?>(s => s.EnabledOnUtc, 7), Is.EqualTo(enabledOn));
    }
    [Test]
    public async Task A_store_that_stops_overriding_a_switched_off_vendor_is_on_since_that_save_not_since_all_stores_was()
    {
        var allStoresOn = ConfigurePageHost.Start.AddDays(-90).UtcDateTime;
        _host.Settings.Seed(new OrderTouchpointsVtMarketingSettings { Enabled = true, EnabledOnUtc = allStoresOn, ApiKey = ConfigurePageHost.Encrypt("vt-key-0123456789") });
        _host.Settings.Set<OrderTouchpointsVtMarketingSettings, bool>(s => s.Enabled, false, 7);
        _host.StoreScope = 7;
        var model = await _host.GetPageAsync();
        Assert.That(model.VtMarketing.Enabled_OverrideForStore, Is.True, "store 7 overrides: off");
        model.VtMarketing.Enabled_OverrideForStore = false;

        await _host.PostAsync(model);

        var settings = _host.Settings.Mock.Object;
        Assert.That(_host.Settings.Load<OrderTouchpointsVtMarketingSettings>(7).Enabled, Is.True, "store 7 follows all stores: on");
        Assert.That(await settings.EnabledOnUtcAsync<OrderTouchpointsVtMarketingSettings>(7), Is.EqualTo(ConfigurePageHost.Start.UtcDateTime),
            "reconciliation must not reach back to orders store 7 took while the vendor was off for it");
        Assert.That(await settings.EnabledOnUtcAsync<OrderTouchpointsVtMarketingSettings>(0), Is.EqualTo(allStoresOn), "all stores keep their time");
    }

    [Test]
    public async Task A_store_following_all_stores_is_on_since_all_stores_was_switched_on_again()
    {
        var storeFollowedOn = ConfigurePageHost.Start.AddDays(-10).UtcDateTime;
        _host.Settings.Seed(new OrderTouchpointsVtMarketingSettings { Enabled = true, EnabledOnUtc = ConfigurePageHost.Start.AddDays(-90).UtcDateTime,
            ApiKey = ConfigurePageHost.Encrypt("vt-key-0123456789") });
        _host.Settings.Set<OrderTouchpointsVtMarketingSettings, DateTime?>(s => s.EnabledOnUtc, storeFollowedOn, 7);
        var model = await _host.GetPageAsync();
        model.VtMarketing.Enabled = false;
        await _host.PostAsync(model);
        _host.Time.SetUtcNow(ConfigurePageHost.Start.AddDays(1));
        model = await _host.GetPageAsync();
        model.VtMarketing.Enabled = true;

        await _host.PostAsync(model);

        var settings = _host.Settings.Mock.Object;
        Assert.That(await settings.EnabledOnUtcAsync<OrderTouchpointsVtMarketingSettings>(7), Is.EqualTo(ConfigurePageHost.Start.AddDays(1).UtcDateTime),
            "the store's own older time does not reach back over the time all stores were off");
        _host.Settings.Set<OrderTouchpointsVtMarketingSettings, bool>(s => s.Enabled, true, 7);
        Assert.That(await settings.EnabledOnUtcAsync<OrderTouchpointsVtMarketingSettings>(7), Is.EqualTo(storeFollowedOn), "a store that overrides has its own time");
    }
}
