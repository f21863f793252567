using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

/// <summary>Each rule of the configure page refuses the save with its message on its field, and saves nothing.</summary>
public class ConfigurationValidationTests
{
    private static string Message(string rule, params object[] args) =>
        string.Format(ConfigurePageHost.English("Plugins.Misc.OrderTouchpoints.Validation." + rule), args);
    private ConfigurePageHost _host = null!;

    [SetUp]
    public void CreateHost()
    {
        _host = new ConfigurePageHost();
        _host.Settings.Seed(new OrderTouchpointsTransactionaleSettings());
        _host.Settings.Seed(new OrderTouchpointsVoyadoSettings());
        _host.Settings.Seed(new OrderTouchpointsVtMarketingSettings());
    }

    /// <summary>A Voyado card that passes every rule; tests break one thing at a time.</summary>
    private static void ConfigureValidVoyado(ConfigurationModel model)
    {
        model.Voyado.Enabled = true;
        model.Voyado.ApiKey = "voyado-key-123456";
        model.Voyado.BaseUrl = "https://acme.voyado.com/";
        model.Voyado.StoreExternalId = "IT-01";
    }

    private async Task<Dictionary<string, string[]>> ErrorsAfterPostingAsync(Action<ConfigurationModel> change)
    {
        var model = await _host.GetPageAsync();
        change(model);
        var (result, modelState) = await _host.PostAsync(model);
        if (!modelState.IsValid)
        {
            Assert.That(result, Is.TypeOf<ViewResult>(), "a refused save shows the page again");
            _host.Settings.Mock.Verify(s => s.ClearCacheAsync(), Times.Never);
        }
        return modelState.Where(e => e.Value!.Errors.Count > 0)
            .ToDictionary(e => e.Key, e => e.Value!.Errors.Select(x => x.ErrorMessage).ToArray());
    }

    [Test]
    public async Task A_valid_voyado_card_is_accepted_and_its_url_kept_without_the_trailing_slash()
    {
        var errors = await ErrorsAfterPostingAsync(ConfigureValidVoyado);

        Assert.That(errors, Is.Empty);
        Assert.That(_host.Settings.Load<OrderTouchpointsVoyadoSettings>(0).BaseUrl, Is.EqualTo("https://acme.voyado.com"));
    }

    [Test]
    public async Task An_enabled_vendor_needs_an_api_key()
    {
        var errors = await ErrorsAfterPostingAsync(m =>
        {
            m.VtMarketing.Enabled = true;
            m.Transactionale.Enabled = true;
            m.Transactionale.ShopCountryCode = "IT";
        });

        Assert.That(errors["VtMarketing.ApiKey"], Is.EqualTo(new[] { Message("ApiKeyRequired") }));
        Assert.That(errors["Transactionale.ApiKey"], Is.EqualTo(new[] { Message("ApiKeyRequired") }));
        Assert.That(_host.Settings.Load<OrderTouchpointsVtMarketingSettings>(0).Enabled, Is.False, "nothing saved");
    }

    [Test]
    public async Task Clearing_the_key_of_an_enabled_vendor_is_refused()
    {
        _host.Settings.Seed(new OrderTouchpointsVtMarketingSettings { Enabled = true, ApiKey = ConfigurePageHost.Encrypt("vt-key-0123456789") });

        var errors = await ErrorsAfterPostingAsync(m => m.VtMarketing.ClearApiKey = true);

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "VtMarketing.ApiKey" }));
    }

    [Test]
    public async Task Transactionale_needs_a_shop_country_when_enabled()
    {
        var errors = await ErrorsAfterPostingAsync(m =>
        {
            m.Transactionale.Enabled = true;
            m.Transactionale.ApiKey = "trx-key-0123456789";
            m.Transactionale.ShopCountryCode = "";
            m.Transactionale.RequiredGdprConsentId = 5;
        });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "Transactionale.ShopCountryCode" }));
        Assert.That(errors["Transactionale.ShopCountryCode"], Is.EqualTo(new[] { Message("Required") }));
    }

    [TestCase("ITA")]
    [TestCase("I")]
    [TestCase("1T")]
    public async Task The_shop_country_must_be_a_two_letter_iso_code(string code)
    {
        var errors = await ErrorsAfterPostingAsync(m => m.Transactionale.ShopCountryCode = code);

        Assert.That(errors["Transactionale.ShopCountryCode"], Is.EqualTo(new[] { Message("CountryCode") }));
    }

    [TestCase("http://www.transactionale.com/api/v1/transaction")]
    [TestCase("ftp://www.transactionale.com/")]
    [TestCase("www.transactionale.com/api")]
    [TestCase("")]
    public async Task Endpoint_urls_must_be_https(string url)
    {
        var errors = await ErrorsAfterPostingAsync(m =>
        {
            m.Transactionale.EndpointUrl = url;
            m.VtMarketing.EndpointUrl = url;
        });

        Assert.That(errors["Transactionale.EndpointUrl"], Is.EqualTo(new[] { Message("VendorUrl") }));
        Assert.That(errors["VtMarketing.EndpointUrl"], Is.EqualTo(new[] { Message("VendorUrl") }));
    }

    [TestCase("http://127.0.0.1:5081/api/v1/transaction")]
    [TestCase("http://localhost:5081/")]
    [TestCase("http://[::1]:5081/")]
    public async Task Plain_http_is_accepted_for_loopback_addresses(string url)
    {
        var errors = await ErrorsAfterPostingAsync(m => m.Transactionale.EndpointUrl = url);

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task Voyado_needs_tenant_url_store_id_and_contact_type_when_enabled()
    {
        var errors = await ErrorsAfterPostingAsync(m =>
        {
            ConfigureValidVoyado(m);
            m.Voyado.BaseUrl = null;
            m.Voyado.StoreExternalId = " ";
            m.Voyado.ContactType = "";
        });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "Voyado.BaseUrl", "Voyado.StoreExternalId", "Voyado.ContactType" }));
        Assert.That(errors.Values.SelectMany(v => v), Has.All.EqualTo(Message("Required")));
    }

    [TestCase("https://acme.voyado.com/api/v2", "TenantUrl")]
    [TestCase("https://acme.voyado.com/?x=1", "TenantUrl")]
    [TestCase("http://acme.voyado.com", "VendorUrl")]
    public async Task The_voyado_tenant_url_is_an_https_address_without_path(string url, string rule)
    {
        var errors = await ErrorsAfterPostingAsync(m =>
        {
            ConfigureValidVoyado(m);
            m.Voyado.BaseUrl = url;
        });

        Assert.That(errors["Voyado.BaseUrl"], Is.EqualTo(new[] { Message(rule) }));
    }

    [TestCase(0)]
    [TestCase(51)]
    public async Task Voyado_requests_per_second_stay_within_engage_limits(int rate)
    {
        var errors = await ErrorsAfterPostingAsync(m => m.Voyado.MaxRequestsPerSecond = rate);

        Assert.That(errors["Voyado.MaxRequestsPerSecond"], Is.EqualTo(new[] { Message("Range", "Max requests per second", 1, 50) }));
    }

    [Test]
    public async Task A_status_name_is_required_for_each_event_voyado_sends_and_for_every_payment_status()
    {
        var errors = await ErrorsAfterPostingAsync(m =>
        {
            ConfigureValidVoyado(m);
            m.Voyado.SendOnShipped = true;
            m.Voyado.ShippedOrderStatus = "";
            m.Voyado.SendOnDelivered = false;
            m.Voyado.DeliveredOrderStatus = "";
            m.Voyado.PlacedOrderStatus = " ";
            m.Voyado.VoidedPaymentStatus = null;
        });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "Voyado.ShippedOrderStatus", "Voyado.PlacedOrderStatus", "Voyado.VoidedPaymentStatus" }));
    }

    [Test]
    public async Task Engage_locales_must_look_like_language_tags()
    {
        var errors = await ErrorsAfterPostingAsync(m =>
        {
            m.Voyado.Languages[0].OverrideCulture = "it-IT";
            m.Voyado.Languages[1].OverrideCulture = "swedish please";
        });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "Voyado.Languages[1].OverrideCulture" }));
        Assert.That(errors["Voyado.Languages[1].OverrideCulture"], Is.EqualTo(new[] { Message("Culture") }));
    }

    [TestCase("")]
    [TestCase("10x")]
    [TestCase("10s,soon")]
    [TestCase("0s")]
    [TestCase("-5m")]
    [TestCase("8d")]
    public async Task The_retry_schedule_must_parse(string schedule)
    {
        var errors = await ErrorsAfterPostingAsync(m => m.Delivery.RetrySchedule = schedule);

        Assert.That(errors["Delivery.RetrySchedule"], Is.EqualTo(new[] { Message("RetrySchedule", RetrySchedule.MaxRetries, 7) }));
    }

    [Test]
    public async Task Delivery_numbers_stay_in_range()
    {
        var errors = await ErrorsAfterPostingAsync(m =>
        {
            m.Delivery.RetentionDays = 0;
            m.Delivery.MaxConcurrentSends = 65;
            m.Delivery.AttemptTimeoutSeconds = 0;
        });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "Delivery.RetentionDays", "Delivery.MaxConcurrentSends", "Delivery.AttemptTimeoutSeconds" }));
    }

    /// <summary>Every numeric setting of the page, one value just outside each end of its range.</summary>
    private static IEnumerable<TestCaseData> OutOfRangeNumbers()
    {
        var fields = new (string Field, string Label, int Min, int Max, Action<ConfigurationModel, int> Set)[]
        {
            ("Delivery.AttemptTimeoutSeconds", "Attempt timeout (seconds)", 1, 120, (m, v) => m.Delivery.AttemptTimeoutSeconds = v),
            ("Delivery.MaxConcurrentSends", "Parallel sends", 1, 64, (m, v) => m.Delivery.MaxConcurrentSends = v),
            ("Delivery.RetentionDays", "Keep log for (days)", 1, 3650, (m, v) => m.Delivery.RetentionDays = v),
            ("Alerts.WaitingThresholdMinutes", "Waiting too long after (minutes)", 1, 10080, (m, v) => m.Alerts.WaitingThresholdMinutes = v),
            ("Alerts.PeriodMinutes", "At most one alert every (minutes)", 5, 10080, (m, v) => m.Alerts.PeriodMinutes = v),
            ("Voyado.MaxRequestsPerSecond", "Max requests per second", 1, 50, (m, v) => m.Voyado.MaxRequestsPerSecond = v),
            ("VtMarketingFeed.FeedCacheMinutes", "Feed cache (minutes)", 0, 1440, (m, v) => m.VtMarketingFeed.FeedCacheMinutes = v)
        };
        foreach (var f in fields)
        {
            yield return new TestCaseData(f.Field, f.Label, f.Min, f.Max, f.Min - 1, f.Set).SetArgDisplayNames(f.Field, (f.Min - 1).ToString());
            yield return new TestCaseData(f.Field, f.Label, f.Min, f.Max, f.Max + 1, f.Set).SetArgDisplayNames(f.Field, (f.Max + 1).ToString());
        }
    }

    [TestCaseSource(nameof(OutOfRangeNumbers))]
    public async Task An_out_of_range_number_is_refused_with_its_field_and_range_named_and_nothing_saved(
        string field, string label, int min, int max, int value, Action<ConfigurationModel, int> set)
    {
        var errors = await ErrorsAfterPostingAsync(m => set(m, value));

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { field }));
        Assert.That(errors[field], Is.EqualTo(new[] { $"{label}: enter a whole number from {min} to {max}." }));
        Assert.That(_host.Settings.CacheClears, Is.Zero, "nothing saved");
    }

    [Test]
    public async Task The_ends_of_every_range_are_accepted()
    {
        var errors = await ErrorsAfterPostingAsync(m =>
        {
            m.Delivery.AttemptTimeoutSeconds = 120;
            m.Delivery.MaxConcurrentSends = 1;
            m.Delivery.RetentionDays = 3650;
            m.Alerts.WaitingThresholdMinutes = 1;
            m.Alerts.PeriodMinutes = 5;
            m.Voyado.MaxRequestsPerSecond = 50;
            m.VtMarketingFeed.FeedCacheMinutes = 0;
        });

        Assert.That(errors, Is.Empty);
        Assert.That(_host.Settings.Load<OrderTouchpointsDeliverySettings>(0).AttemptTimeoutSeconds, Is.EqualTo(120));
        Assert.That(_host.Settings.Load<OrderTouchpointsVtMarketingSettings>(0).FeedCacheMinutes, Is.Zero);
    }

    [Test]
    public async Task At_a_store_a_feed_cache_that_is_not_overridden_is_not_checked()
    {
        _host.StoreScope = 2;

        var errors = await ErrorsAfterPostingAsync(m =>
        {
            m.VtMarketingFeed.FeedCacheMinutes_OverrideForStore = false;
            m.VtMarketingFeed.FeedCacheMinutes = -1;
        });

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task At_a_store_the_rules_apply_to_the_inherited_values_too()
    {
        _host.StoreScope = 2;

        var errors = await ErrorsAfterPostingAsync(m =>
        {
            m.VtMarketing.Enabled_OverrideForStore = true;
            m.VtMarketing.Enabled = true;
            m.VtMarketing.ApiKey = "typed-but-not-overridden";
        });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "VtMarketing.ApiKey" }), "the key field is not overridden, so the shared (empty) key applies");
    }

    [Test]
    public async Task At_a_store_an_inherited_key_satisfies_the_rule()
    {
        _host.Settings.Set<OrderTouchpointsVtMarketingSettings, string?>(s => s.ApiKey, ConfigurePageHost.Encrypt("shared-vt-key-1234"), 0);
        _host.StoreScope = 2;

        var errors = await ErrorsAfterPostingAsync(m =>
        {
            m.VtMarketing.Enabled_OverrideForStore = true;
            m.VtMarketing.Enabled = true;
        });

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task A_refused_save_shows_the_posted_values_with_lists_and_inherited_values_filled_in()
    {
        _host.StoreScope = 2;
        var model = await _host.GetPageAsync();
        model.Voyado.Source_OverrideForStore = true;
        model.Voyado.Source = "POS";
        model.Voyado.ContactType = "posted but not overridden";
        model.Voyado.MaxRequestsPerSecond_OverrideForStore = true;
        model.Voyado.MaxRequestsPerSecond = 500;
        model.Transactionale.AvailableCountries = [];

        var (result, _) = await _host.PostAsync(model);

        var shown = (ConfigurationModel)((ViewResult)result).Model!;
        Assert.That(shown.ActiveStoreScopeConfiguration, Is.EqualTo(2));
        Assert.That(shown.Voyado.Source, Is.EqualTo("POS"));
        Assert.That(shown.Voyado.MaxRequestsPerSecond, Is.EqualTo(500));
        Assert.That(shown.Voyado.ContactType, Is.EqualTo("Contact"), "not overridden: the shared value");
        Assert.That(shown.Voyado.Source_OverrideForStore, Is.True);
        Assert.That(shown.Transactionale.AvailableCountries.Select(c => c.Value), Is.EqualTo(new[] { "", "IT", "SE" }));
        Assert.That(shown.Voyado.Languages.Select(l => l.LanguageName), Is.EqualTo(new[] { "Italiano", "Svenska" }));
    }
}
