using Moq;
using Nop.Core.Domain.Localization;
using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Foundation;

/// <summary>The send path's settings: built once per store and type, until nopCommerce clears its settings cache.</summary>
public class CachedSettingsTests
{
    private Mock<ISettingService> _settingService = null!;
    private InMemoryStaticCache _cache = null!;
    private string _apiKey = null!;

    private CachedSettings Settings => new(_settingService.Object, _cache.Manager);

    [SetUp]
    public void Stored()
    {
        _settingService = new Mock<ISettingService>(MockBehavior.Strict);
        _cache = new InMemoryStaticCache();
        _apiKey = "first-key";
        _settingService.Setup(s => s.LoadSettingAsync<OrderTouchpointsTransactionaleSettings>(It.IsAny<int>()))
            .ReturnsAsync((int storeId) => new OrderTouchpointsTransactionaleSettings { ApiKey = $"{_apiKey}@{storeId}" });
        _settingService.Setup(s => s.LoadSettingAsync<LocalizationSettings>(It.IsAny<int>())).ReturnsAsync(new LocalizationSettings());
    }

    [Test]
    public async Task Each_store_and_settings_type_is_loaded_once_however_often_it_is_read()
    {
        for (var read = 0; read < 3; read++)
        {
            Assert.That((await Settings.LoadAsync<OrderTouchpointsTransactionaleSettings>(1)).ApiKey, Is.EqualTo("first-key@1"));
            Assert.That((await Settings.LoadAsync<OrderTouchpointsTransactionaleSettings>(2)).ApiKey, Is.EqualTo("first-key@2"));
            await Settings.LoadAsync<LocalizationSettings>(1);
        }

        _settingService.Verify(s => s.LoadSettingAsync<OrderTouchpointsTransactionaleSettings>(1), Times.Once);
        _settingService.Verify(s => s.LoadSettingAsync<OrderTouchpointsTransactionaleSettings>(2), Times.Once);
        _settingService.Verify(s => s.LoadSettingAsync<LocalizationSettings>(1), Times.Once);
    }

    [Test]
    public async Task A_settings_save_which_clears_nopCommerces_settings_prefix_makes_the_next_read_see_the_new_values()
    {
        await Settings.LoadAsync<OrderTouchpointsTransactionaleSettings>(1);
        _apiKey = "saved-key";

        // SettingService.ClearCacheAsync, run by every settings save: RemoveByPrefix(NopEntityCacheDefaults<Setting>.Prefix).
        _cache.RemoveByPrefix("Nop.setting.");

        Assert.That(_cache.Keys, Is.Empty);
        Assert.That((await Settings.LoadAsync<OrderTouchpointsTransactionaleSettings>(1)).ApiKey, Is.EqualTo("saved-key@1"));
    }
}
