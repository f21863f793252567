using System.Linq.Expressions;
using System.Reflection;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Localization;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Stores;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

/// <summary>The feed and tracking-script section of the configure page: defaults, filling, saving, texts.</summary>
public class FeedSettingsModelTests
{
    private Dictionary<int, OrderTouchpointsVtMarketingSettings> _settings = null!;
    private Mock<ISettingService> _settingService = null!;
    private Mock<IStoreService> _storeService = null!;

    [SetUp]
    public void CreateMocks()
    {
        _settings = new()
        {
            [0] = new OrderTouchpointsVtMarketingSettings { FeedCacheMinutes = 20, TrackingScript = "<script>all</script>" },
            [1] = new OrderTouchpointsVtMarketingSettings { Enabled = true, FeedToken = "t1", FeedCacheMinutes = 5, TrackingScriptPlacement = TrackingScriptPlacement.BodyEnd },
            [2] = new OrderTouchpointsVtMarketingSettings { Enabled = false, FeedToken = "t2" }
        };
        _settingService = new Mock<ISettingService>();
        _settingService.Setup(s => s.LoadSettingAsync<OrderTouchpointsVtMarketingSettings>(It.IsAny<int>()))
            .ReturnsAsync((int storeId) => _settings[storeId]);
        _storeService = new Mock<IStoreService>();
        _storeService.Setup(s => s.GetAllStoresAsync()).ReturnsAsync(new List<Store>
        {
            new() { Id = 1, Name = "Negozio", Url = "https://negozio.example/" },
            new() { Id = 2, Name = "Shop", Url = "https://shop.example/" }
        });
    }

    private VtMarketingFeedModelFactory Factory()
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(s => s.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => key[(key.LastIndexOf('.') + 1)..]);
        return new VtMarketingFeedModelFactory(_settingService.Object, _storeService.Object, localization.Object,
            new VtMarketingFeedTokens(_settingService.Object, _storeService.Object));
    }

    [Test]
    public void New_settings_cache_the_feed_15_minutes()
    {
        Assert.That(new OrderTouchpointsVtMarketingSettings().FeedCacheMinutes, Is.EqualTo(15));
    }

    [Test]
    public void New_settings_place_the_tracking_script_in_the_head()
    {
        Assert.That(new OrderTouchpointsVtMarketingSettings().TrackingScriptPlacement, Is.EqualTo(TrackingScriptPlacement.Head));
    }

    [Test]
    public void New_settings_have_no_feed_token_nor_tracking_script()
    {
        var settings = new OrderTouchpointsVtMarketingSettings();

        Assert.That((settings.FeedToken, settings.TrackingScript), Is.EqualTo(((string?)null, (string?)null)));
    }

    [Test]
    public async Task All_stores_scope_lists_every_store_with_its_feed_url_when_enabled()
    {
        var model = await Factory().PrepareAsync(0);

        Assert.That(model.FeedCacheMinutes, Is.EqualTo(20));
        Assert.That(model.TrackingScript, Is.EqualTo("<script>all</script>"));
        Assert.That(model.FeedUrls, Is.EqualTo(new[]
        {
            new VtMarketingStoreFeedUrl("Negozio", "https://negozio.example/order-touchpoints/vtmarketing/feed/1.csv?token=t1"),
            new VtMarketingStoreFeedUrl("Shop", null)
        }));
        Assert.That(model.AvailableTrackingScriptPlacements.Select(i => (i.Value, i.Text)), Is.EqualTo(new[] { ("0", "Head"), ("1", "BodyEnd") }));
    }

    [Test]
    public async Task Store_scope_shows_that_store_and_which_values_it_overrides()
    {
        _settingService.Setup(s => s.SettingExistsAsync(_settings[1], It.IsAny<Expression<Func<OrderTouchpointsVtMarketingSettings, int>>>(), 1))
            .ReturnsAsync(true);

        var model = await Factory().PrepareAsync(1);

        Assert.That(model.FeedUrls.Select(f => f.StoreName), Is.EqualTo(new[] { "Negozio" }));
        Assert.That(model.TrackingScriptPlacementId, Is.EqualTo(1));
        Assert.That(model.FeedCacheMinutes_OverrideForStore, Is.True);
        Assert.That(model.TrackingScript_OverrideForStore, Is.False);
    }

    [Test]
    public async Task Saving_stores_the_section_per_scope_and_gives_enabled_stores_a_token()
    {
        _settings[1].FeedToken = null;
        var model = new VtMarketingFeedModel
        {
            FeedCacheMinutes = -3, TrackingScript = "  <script>s</script>\n", TrackingScriptPlacementId = 1,
            FeedCacheMinutes_OverrideForStore = true, TrackingScript_OverrideForStore = true
        };

        await Factory().SaveAsync(model, 1);

        Assert.That((_settings[1].FeedCacheMinutes, _settings[1].TrackingScript, _settings[1].TrackingScriptPlacement),
            Is.EqualTo((0, "<script>s</script>", TrackingScriptPlacement.BodyEnd)));
        _settingService.Verify(s => s.SaveSettingOverridablePerStoreAsync(_settings[1],
            It.IsAny<Expression<Func<OrderTouchpointsVtMarketingSettings, int>>>(), true, 1, false), Times.Once);
        _settingService.Verify(s => s.SaveSettingOverridablePerStoreAsync(_settings[1],
            It.IsAny<Expression<Func<OrderTouchpointsVtMarketingSettings, TrackingScriptPlacement>>>(), false, 1, false), Times.Once);
        _settingService.Verify(s => s.SaveSettingAsync(It.IsAny<OrderTouchpointsVtMarketingSettings>(),
            It.IsAny<Expression<Func<OrderTouchpointsVtMarketingSettings, string?>>>(), 1, false), Times.Once, "store 1 is enabled and had no token");
    }

    [Test]
    public void Every_field_of_the_section_has_english_and_italian_label_and_hint()
    {
        var texts = LocaleResources.All.ToDictionary(t => t.Key);
        var keys = typeof(VtMarketingFeedModel).GetProperties()
            .Select(p => p.GetCustomAttribute<NopResourceDisplayNameAttribute>()?.DisplayName)
            .OfType<string>()
            .SelectMany(key => new[] { key, key + ".Hint" })
            .Append(VtMarketingFeedModel.TokenRegeneratedResource)
            .ToList();

        Assert.That(keys, Has.Count.EqualTo(9));
        foreach (var key in keys)
        {
            Assert.That(texts.TryGetValue(key, out var text), Is.True, key);
            Assert.That(text!.English, Is.Not.Empty, key);
            Assert.That(text.Italian, Is.Not.Empty.And.Not.EqualTo(text.English), key);
        }
    }
}
