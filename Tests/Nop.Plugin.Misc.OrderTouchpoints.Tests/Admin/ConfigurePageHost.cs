using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Gdpr;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Controllers;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
using Nop.Plugin.Misc.OrderTouchpoints.Localization;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Health;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Services.Catalog;
using Nop.Services.Directory;
using Nop.Services.Gdpr;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Orders;
using Nop.Services.Security;
using Nop.Services.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

/// <summary>
/// The configure page's controller over Moq mocks: settings in an <see cref="InMemorySettingStore"/>,
/// a reversible fake encryption ("ENC[key]"), a fixed clock, the plugin's English texts, and one
/// mocked channel per vendor.
/// </summary>
public sealed class ConfigurePageHost
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    public InMemorySettingStore Settings { get; } = new();
    public Mock<IEncryptionService> Encryption { get; } = new();
    public ManualTimeProvider Time { get; } = new(Start);
    public Mock<IStoreContext> StoreContext { get; } = new();
    public Mock<INotificationService> Notifications { get; } = new();
    public Mock<ILocalizationService> Localization { get; } = new();
    public Mock<ICountryService> Countries { get; } = new();
    public Mock<IGdprService> Gdpr { get; } = new();
    public Mock<ILanguageService> Languages { get; } = new();
    public Mock<IOrderService> Orders { get; } = new();
    public Mock<IStoreService> Stores { get; } = new();
    public Mock<IProductAttributeService> ProductAttributes { get; } = new();
    public Mock<ISpecificationAttributeService> SpecificationAttributes { get; } = new();
    public Mock<IDeliveryReports> Reports { get; } = new();
    public Mock<Nop.Services.Logging.ILogger> Logger { get; } = new();
    public AdminTimeZone AdminTimeZone { get; } = new();
    public Dictionary<TouchpointVendor, Mock<ITouchpointChannel>> Channels { get; } = [];

    public int StoreScope { get; set; }

    /// <summary>A host whose settings are those a new install saves: every vendor off, the delivery defaults.</summary>
    public static ConfigurePageHost WithInstalledDefaults()
    {
        var host = new ConfigurePageHost();
        host.Settings.Seed(new OrderTouchpointsTransactionaleSettings());
        host.Settings.Seed(new OrderTouchpointsVoyadoSettings());
        host.Settings.Seed(new OrderTouchpointsVtMarketingSettings());
        host.Settings.Seed(new OrderTouchpointsDeliverySettings());
        return host;
    }

    public ConfigurePageHost()
    {
        Encryption.Setup(e => e.EncryptText(It.IsAny<string>(), It.IsAny<string>())).Returns((string plain, string _) => Encrypt(plain));
        Encryption.Setup(e => e.DecryptText(It.IsAny<string>(), It.IsAny<string>())).Returns((string cipher, string _) =>
            cipher.StartsWith("ENC[") && cipher.EndsWith(']') ? cipher[4..^1] : Undecryptable(cipher));
        StoreContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(() => StoreScope);
        Localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => English(key));
        Countries.Setup(c => c.GetAllCountriesAsync(It.IsAny<int>(), It.IsAny<bool>())).ReturnsAsync(
        [
            new Country { Id = 10, Name = "Italy", TwoLetterIsoCode = "IT"},
            new Country { Id = 11, Name = "Sweden", TwoLetterIsoCode = "SE"}
        ]);
        Gdpr.Setup(g => g.GetAllConsentsAsync()).ReturnsAsync([new GdprConsent { Id = 5, Message = "Offers from partners" }]);
        Languages.Setup(l => l.GetAllLanguagesAsync(It.IsAny<bool>(), It.IsAny<int>())).ReturnsAsync(
        [
            new Language { Id = 1, Name = "Italiano", LanguageCulture = "it-IT" },
            new Language { Id = 2, Name = "Svenska", LanguageCulture = "sv-SE" }
        ]);
        Stores.Setup(s => s.GetAllStoresAsync()).ReturnsAsync(
        [
            new Store { Id = 1, Name = "Negozio", Url = "https://negozio.example/" },
            new Store { Id = 2, Name = "Shop", Url = "https://shop.example/" }
        ]);
        ProductAttributes.Setup(p => p.GetAllProductAttributesAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<int>()))
            .ReturnsAsync(new TestPagedList<ProductAttribute>([new ProductAttribute { Id = 3, Name = "Colore" }, new ProductAttribute { Id = 4, Name = "Taglia" }]));
        SpecificationAttributes.Setup(p => p.GetAllSpecificationAttributesAsync(It.IsAny<int>(), It.IsAny<int>()))
            .ReturnsAsync(new TestPagedList<SpecificationAttribute>([new SpecificationAttribute { Id = 8, Name = "Colour" }]));
        Reports.Setup(o => o.GetVendorHealthAsync(It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        foreach (var vendor in Enum.GetValues<TouchpointVendor>())
        {
            var channel = new Mock<ITouchpointChannel>(MockBehavior.Strict);
            channel.SetupGet(c => c.Facts).Returns(TestVendors.Registered.Of(vendor));
            Channels[vendor] = channel;
        }
    }

    public static string Encrypt(string plain) => $"ENC[{plain}]";

    // As nopCommerce's EncryptionService: the Base64 decode comes first (FormatException for a value that
    // was never encrypted), then the decryption (CryptographicException under another encryption key).
    private static string Undecryptable(string cipher)
    {
        Convert.FromBase64String(cipher);
        throw new CryptographicException("bad padding");
    }

    /// <summary>The plugin's English text of a resource (what an English admin reads); other keys read as themselves.</summary>
    public static string English(string key) => LocaleResources.All.FirstOrDefault(t => t.Key == key)?.English ?? key;

    /// <summary>The English text of a failure resource as the owner reads it, naming the exception type.</summary>
    public static string FailureText(string key, string exceptionType) => string.Format(English(key), exceptionType);

    public OrderTouchpointsConfigurationController CreateController()
    {
        var settings = Settings.Mock.Object;
        var keys = new ApiKeyProtector(Encryption.Object);
        var feedTokens = new VtMarketingFeedTokens(settings, Stores.Object);
        var form = new ConfigurationForm(
            new TransactionaleSettingsForm(settings, keys, Time, Countries.Object, Gdpr.Object, Localization.Object),
            new VoyadoSettingsForm(settings, keys, Time, Languages.Object),
            new VtMarketingSettingsForm(settings, keys, Time, Localization.Object, ProductAttributes.Object, SpecificationAttributes.Object),
            new VtMarketingFeedModelFactory(settings, Stores.Object, Localization.Object, feedTokens),
            new DeliverySettingsForm(settings),
            new AlertSettingsForm(settings),
            new VendorHealthModelFactory(Reports.Object, AdminTimeZone.Helper.Object, TestVendors.Registered),
            Notifications.Object, Localization.Object, Logger.Object);
        var channels = Channels.Values.Select(c => c.Object).ToList();
        return new OrderTouchpointsConfigurationController(form,
            new PayloadPreviewFactory(Orders.Object, channels, Localization.Object, Time, Logger.Object),
            feedTokens, channels, StoreContext.Object, new WidgetActivation(settings, Stores.Object), Notifications.Object, Localization.Object, Logger.Object);
    }

    /// <summary>The page as a GET shows it at the current scope.</summary>
    public async Task<ConfigurationModel> GetPageAsync()
    {
        var result = await CreateController().Configure();
        return (ConfigurationModel)((ViewResult)result).Model!;
    }

    /// <summary>Posts the page with a vendor's Test connection button (the whole form comes along).</summary>
    public async Task<(IActionResult Result, ModelStateDictionary ModelState)> TestConnectionAsync(ConfigurationModel model, TouchpointVendor vendor)
    {
        var controller = CreateController();
        var result = await controller.TestConnection(model, vendor, CancellationToken.None);
        return (result, controller.ModelState);
    }

    /// <summary>Posts the page with the feed's regenerate button (the whole form comes along).</summary>
    public async Task<(IActionResult Result, ModelStateDictionary ModelState)> RegenerateFeedTokenAsync(ConfigurationModel model)
    {
        var controller = CreateController();
        var result = await controller.RegenerateFeedToken(model);
        return (result, controller.ModelState);
    }

    /// <summary>Posts the page: the controller validates first, as MVC would after binding.</summary>
    public async Task<(IActionResult Result, ModelStateDictionary ModelState)> PostAsync(ConfigurationModel model)
    {
        var controller = CreateController();
        var result = await controller.Configure(model);
        return (result, controller.ModelState);
    }
}
