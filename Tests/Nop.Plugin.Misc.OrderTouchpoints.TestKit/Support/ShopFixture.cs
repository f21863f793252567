using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Gdpr;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Media;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Shipping;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Services.Configuration;
using Nop.Services.Catalog;
using Nop.Services.Directory;
using Nop.Services.Gdpr;
using Nop.Services.Localization;
using Nop.Services.Media;
using Nop.Services.Orders;
using Nop.Services.Payments;
using Nop.Services.Plugins;
using Nop.Services.Seo;
using Nop.Services.Shipping;
using Nop.Services.Shipping.Tracking;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>
/// A small in-memory shop behind Moq mocks of nopCommerce's services. Tests add entities to the lists
/// (before or after creating the code under test); the mocks always answer from the current lists.
/// </summary>
public sealed class ShopFixture
{
    public List<Order> Orders { get; } = [];
    public List<OrderItem> OrderItems { get; } = [];
    public List<Customer> Customers { get; } = [];
    public List<Address> Addresses { get; } = [];
    public List<Country> Countries { get; } = [];
    public List<Language> Languages { get; } = [];
    public List<Store> Stores { get; } = [];
    public List<Product> Products { get; } = [];
    public List<ProductAttributeCombination> Combinations { get; } = [];
    public List<Discount> Discounts { get; } = [];
    public List<DiscountUsageHistory> DiscountUsages { get; } = [];
    public List<GiftCardUsageHistory> GiftCardUsages { get; } = [];
    public List<GdprConsent> Consents { get; } = [];
    /// <summary>(consentId, customerId) → the customer's latest answer; missing = never answered (nopCommerce returns null).</summary>
    public Dictionary<(int, int), bool> ConsentAnswers { get; } = [];
    public List<RewardPointsHistory> RewardPointsHistory { get; } = [];
    public List<Shipment> Shipments { get; } = [];
    /// <summary>productId → the site-relative URL of its main picture (none = no picture).</summary>
    public Dictionary<int, string> ProductPictureUrls { get; } = [];
    /// <summary>Payment method system name → its friendly name; an order's unknown method loads as null, like an uninstalled plugin.</summary>
    public Dictionary<string, string> PaymentMethods { get; } = new() { ["Payments.Manual"] = "Credit card" };
    /// <summary>(productId, languageId) → localized product name.</summary>
    public Dictionary<(int, int), string> LocalizedProductNames { get; } = [];

    public Mock<IOrderService> OrderService { get; } = new();
    public Mock<ICountryService> CountryService { get; } = new();
    public Mock<ILanguageService> LanguageService { get; } = new();
    public Mock<IStoreService> StoreService { get; } = new();
    public Mock<IProductService> ProductService { get; } = new();
    public Mock<IProductAttributeParser> AttributeParser { get; } = new();
    public Mock<ILocalizationService> LocalizationService { get; } = new();
    public Mock<ILocalizedEntityService> LocalizedEntityService { get; } = new();
    public Mock<IGiftCardService> GiftCardService { get; } = new();
    public Mock<IGdprService> GdprService { get; } = new();
    public Mock<IRewardPointService> RewardPointService { get; } = new();
    public Mock<IPictureService> PictureService { get; } = new();
    public Mock<IUrlRecordService> UrlRecordService { get; } = new();
    public Mock<IPaymentPluginManager> PaymentPluginManager { get; } = new();
    public Mock<IShipmentService> ShipmentService { get; } = new();
    public Mock<IOrderQueries> OrderQueries { get; } = new();

    public ShopFixture()
    {
        var queries = new InMemoryOrderQueries(this);
        OrderQueries.Setup(q => q.FindAsync(It.IsAny<int>())).Returns((int id) => queries.FindAsync(id));
        OrderQueries.Setup(q => q.UsedDiscountsAsync(It.IsAny<int>())).Returns((int id) => queries.UsedDiscountsAsync(id));
        OrderService.Setup(s => s.GetOrderByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Orders.FirstOrDefault(o => o.Id == id)!);
        OrderService.Setup(s => s.GetOrderByCustomOrderNumberAsync(It.IsAny<string>()))
            .ReturnsAsync((string number) => Orders.FirstOrDefault(o => o.CustomOrderNumber == number)!);
        OrderService.Setup(s => s.GetOrderItemsAsync(It.IsAny<int>(), It.IsAny<bool?>(), It.IsAny<bool?>(), It.IsAny<int>()))
            .ReturnsAsync((int orderId, bool? _, bool? _, int _) => OrderItems.Where(i => i.OrderId == orderId).ToList());
        CountryService.Setup(s => s.GetCountryByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Countries.FirstOrDefault(c => c.Id == id)!);
        LanguageService.Setup(s => s.GetLanguageByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Languages.FirstOrDefault(l => l.Id == id)!);
        LanguageService.Setup(s => s.GetAllLanguagesAsync(It.IsAny<bool>(), It.IsAny<int>())).ReturnsAsync(() => Languages.ToList());
        StoreService.Setup(s => s.GetStoreByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Stores.FirstOrDefault(s => s.Id == id)!);
        StoreService.Setup(s => s.GetAllStoresAsync()).ReturnsAsync(() => Stores.ToList());
        // Like nopCommerce, which reads them with includeDeleted: false: soft-deleted products are not returned.
        ProductService.Setup(s => s.GetProductsByIdsAsync(It.IsAny<int[]>()))
            .ReturnsAsync((int[] ids) => Products.Where(p => ids.Contains(p.Id) && !p.Deleted).ToList());
        AttributeParser.Setup(s => s.FindProductAttributeCombinationAsync(It.IsAny<Product>(), It.IsAny<string>(), It.IsAny<bool>()))
            .ReturnsAsync((Product p, string xml, bool _) => Combinations.FirstOrDefault(c => c.ProductId == p.Id && c.AttributesXml == xml)!);
        LocalizationService.Setup(s => s.GetLocalizedAsync(It.IsAny<Product>(), It.IsAny<Expression<Func<Product, string>>>(), It.IsAny<int?>(), It.IsAny<bool>(), It.IsAny<bool>()))
            .ReturnsAsync((Product p, Expression<Func<Product, string>> selector, int? languageId, bool _, bool _) =>
                LocalizedProductNames.TryGetValue((p.Id, languageId ?? 0), out var name) ? name : selector.Compile()(p));
        // As nopCommerce: an empty string when the value is not localized.
        LocalizedEntityService.Setup(s => s.GetLocalizedValueAsync(It.IsAny<int>(), It.IsAny<int>(), nameof(Product), nameof(Product.Name)))
            .ReturnsAsync((int languageId, int productId, string _, string _) => LocalizedProductNames.GetValueOrDefault((productId, languageId), ""));
        GiftCardService.Setup(s => s.GetGiftCardUsageHistoryAsync(It.IsAny<Order>()))
            .ReturnsAsync((Order o) => GiftCardUsages.Where(u => u.UsedWithOrderId == o.Id).ToList());
        GdprService.Setup(s => s.GetAllConsentsAsync()).ReturnsAsync(() => Consents.ToList());
        GdprService.Setup(s => s.IsConsentAcceptedAsync(It.IsAny<int>(), It.IsAny<int>()))
            .ReturnsAsync((int consentId, int customerId) => ConsentAnswers.TryGetValue((consentId, customerId), out var accepted) ? accepted : null);
        RewardPointService.Setup(s => s.GetRewardPointsHistoryEntryByIdAsync(It.IsAny<int>()))
            .ReturnsAsync((int id) => RewardPointsHistory.FirstOrDefault(h => h.Id == id)!);
        OrderService.Setup(s => s.ParseTaxRates(It.IsAny<Order>(), It.IsAny<string>())).Returns((Order _, string text) => TaxRateText.Parse(text));
        PictureService.Setup(s => s.GetPicturesByProductIdAsync(It.IsAny<int>(), It.IsAny<int>()))
            .ReturnsAsync((int productId, int _) => ProductPictureUrls.ContainsKey(productId) ? [new Picture { Id = productId }] : []);
        PictureService.Setup(s => s.GetPictureUrlAsync(It.IsAny<Picture>(), It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<string>(), It.IsAny<PictureType>()))
            .ReturnsAsync((Picture picture, int _, bool _, string _, PictureType _) => (ProductPictureUrls.GetValueOrDefault(picture.Id, ""), picture));
        UrlRecordService.Setup(s => s.GetSeNameAsync(It.IsAny<Product>(), It.IsAny<int?>(), It.IsAny<bool>(), It.IsAny<bool>()))
            .ReturnsAsync((Product product, int? _, bool _, bool _) => SeNameOf(product));
        PaymentPluginManager.Setup(s => s.LoadPluginBySystemNameAsync(It.IsAny<string>(), It.IsAny<Customer>(), It.IsAny<int>()))
            .ReturnsAsync((string systemName, Customer _, int _) => PaymentMethodFor(systemName)!);
        LocalizationService.Setup(s => s.GetLocalizedFriendlyNameAsync(It.IsAny<IPaymentMethod>(), It.IsAny<int>(), It.IsAny<bool>()))
            .ReturnsAsync((IPaymentMethod method, int _, bool _) => method.PluginDescriptor.FriendlyName);
        ShipmentService.Setup(s => s.GetShipmentsByOrderIdAsync(It.IsAny<int>(), It.IsAny<bool?>(), It.IsAny<bool?>(), It.IsAny<int>()))
            .ReturnsAsync((int orderId, bool? _, bool? _, int _) => Shipments.Where(x => x.OrderId == orderId).ToList());
        ShipmentService.Setup(s => s.GetShipmentTrackerAsync(It.IsAny<Shipment>())).ReturnsAsync(Tracker.Object);
        Tracker.Setup(t => t.GetUrlAsync(It.IsAny<string>(), It.IsAny<Shipment>()))
            .ReturnsAsync((string number, Shipment _) => TrackingUrlFor(number));
    }

    public Mock<IShipmentTracker> Tracker { get; } = new();

    public static string SeNameOf(Product product) => $"product-{product.Id}";

    public static string TrackingUrlFor(string trackingNumber) => $"https://track.example/parcel?n={Uri.EscapeDataString(trackingNumber)}";

    public IPaymentMethod? PaymentMethodFor(string systemName)
    {
        if (!PaymentMethods.TryGetValue(systemName, out var friendlyName))
            return null;
        var method = new Mock<IPaymentMethod>();
        method.SetupProperty(m => m.PluginDescriptor, new PluginDescriptor { FriendlyName = friendlyName });
        return method.Object;
    }

    public VoyadoOrderDetailsLoader CreateDetailsLoader(ISettingService settingService) => new(
        StoreService.Object, LanguageService.Object, settingService, PictureService.Object, UrlRecordService.Object,
        CreateLoader(), PaymentPluginManager.Object, LocalizationService.Object, StaticCache, CreateServices());

    /// <summary>nopCommerce's static cache of this shop: one per shop, as one per store process.</summary>
    public InMemoryStaticCache StaticCache { get; } = new();

    public OrderDataLoader CreateLoader() => new(CreateServices());

    /// <summary>
    /// How often a send's scope built each of the shop's services it resolves on first use, by service type. Concurrent:
    /// tests run many sends on one shop at once, and a plain dictionary they all write to breaks for every later read.
    /// </summary>
    public ConcurrentDictionary<Type, int> ServicesBuilt { get; } = new();

    /// <summary>The shop's services as a send's scope resolves those it needs only on first use; each build is counted.</summary>
    public IServiceProvider CreateServices()
    {
        var services = new ServiceCollection();
        void Add<T>(Mock<T> mock) where T : class => services.AddTransient(_ =>
        {
            ServicesBuilt.AddOrUpdate(typeof(T), 1, (_, built) => built + 1);
            return mock.Object;
        });
        Add(OrderService); Add(CountryService); Add(LanguageService); Add(ProductService);
        Add(AttributeParser); Add(LocalizedEntityService); Add(GiftCardService); Add(RewardPointService);
        Add(GdprService); Add(ShipmentService); Add(OrderQueries);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// A ready sample: store 1 "Negozio" (it-IT + en-US), Italy and Sweden, a registered customer and a
    /// two-line order in EUR at rate 1.1337. Tests change what they need on the returned entities.
    /// </summary>
    public static ShopFixture WithSampleOrder(out Order order)
    {
        var shop = new ShopFixture();
        shop.Stores.Add(new Store { Id = 1, Name = "Negozio", Url = "https://negozio.example/", DefaultLanguageId = 1 });
        shop.Languages.Add(new Language { Id = 1, Name = "Italiano", LanguageCulture = "it-IT", UniqueSeoCode = "it"});
        shop.Languages.Add(new Language { Id = 2, Name = "English", LanguageCulture = "en-US", UniqueSeoCode = "en"});
        shop.Countries.Add(new Country { Id = 10, Name = "Italy", TwoLetterIsoCode = "IT"});
        shop.Countries.Add(new Country { Id = 11, Name = "Sweden", TwoLetterIsoCode = "SE"});
        shop.Customers.Add(new Customer { Id = 7, Email = "giulia.rossi@example.com", FirstName = "Giulia", LastName = "Rossi" });
        shop.Addresses.Add(new Address
        {
            Id = 100, FirstName = "Giulia", LastName = "Rossi", Email = "giulia.billing@example.com", CountryId = 10,
            City = "Milano", ZipPostalCode = "20121", PhoneNumber = "+39 02 1234567"
        });
        shop.Addresses.Add(new Address { Id = 101, FirstName = "Giulia", LastName = "Rossi", CountryId = 10, City = "Torino", ZipPostalCode = "10121" });
        shop.Products.Add(new Product { Id = 501, Name = "Espresso cup", Sku = "CUP-01", Price = 10m, Published = true, VisibleIndividually = true });
        shop.Products.Add(new Product { Id = 502, Name = "Moka pot", Sku = null!, Price = 30m, Published = true, VisibleIndividually = true });
        shop.ProductPictureUrls[501] = "/images/thumbs/0000501_espresso-cup_415.jpeg";
        order = new Order
        {
            Id = 42, CustomOrderNumber = "42", StoreId = 1,
            CustomerId = 7, BillingAddressId = 100, ShippingAddressId = 101, CustomerCurrencyCode = "EUR", CurrencyRate = 1.1337m,
            OrderStatus = OrderStatus.Pending, PaymentStatus = PaymentStatus.Pending, CustomerLanguageId = 1,
            OrderShippingInclTax = 6.10m, OrderShippingExclTax = 5m,
            TaxRates = "22:10.12;", OrderTotal = 56.10m, PaymentMethodSystemName = "Payments.Manual", ShippingMethod = "Corriere espresso",
            CreatedOnUtc = new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc)
        };
        shop.Orders.Add(order);
        shop.OrderItems.Add(new OrderItem
        {
            Id = 1001, OrderId = 42, ProductId = 501, Quantity = 2, PriceInclTax = 20m, PriceExclTax = 16.39m
        });
        shop.OrderItems.Add(new OrderItem
        {
            Id = 1002, OrderId = 42, ProductId = 502, Quantity = 1, PriceInclTax = 30m, PriceExclTax = 24.59m
        });
        return shop;
    }
}
