using System.Linq.Expressions;
using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Media;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Shipping;
using Nop.Plugin.Misc.OrderTouchpoints.Localization;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Services.Catalog;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Directory;
using Nop.Services.Gdpr;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Media;
using Nop.Services.Orders;
using Nop.Services.Payments;
using Nop.Services.Plugins;
using Nop.Services.Seo;
using Nop.Services.Shipping;
using Nop.Services.Shipping.Tracking;
using Nop.Services.Security;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;

/// <summary>
/// nopCommerce's services as the plugin's delivery path calls them, answered from a <see cref="ShopFixture"/>'s
/// lists through <see cref="FakeService{TService}"/> (no Moq: the benchmarks time this path). The lists are
/// indexed once here, so fill the shop first. Only what the plugin calls is answered.
/// </summary>
public sealed class InMemoryNopServices
{
    private readonly ShopFixture _shop;
    private readonly Dictionary<int, Order> _orders;
    private readonly ILookup<int, OrderItem> _items;
    private readonly ConcurrentDictionary<(string Group, int EntityId, string Key, int StoreId), object?> _attributes = new();
    private int _errorsLogged;

    public InMemoryNopServices(ShopFixture shop, InMemorySettingStore settings)
    {
        _shop = shop;
        Settings = settings;
        _orders = shop.Orders.ToDictionary(o => o.Id);
        _items = shop.OrderItems.ToLookup(i => i.OrderId);
    }

    public InMemorySettingStore Settings { get; }

    /// <summary>The customer of a shop order (null for an unknown order).</summary>
    public int? CustomerOfOrder(int orderId) => _orders.GetValueOrDefault(orderId)?.CustomerId;

    /// <summary>Errors the plugin wrote to nopCommerce's log.</summary>
    public int ErrorsLogged => _errorsLogged;

    /// <summary>The "encryption" of API keys in settings: reversible, so the stored form is visibly not the key.</summary>
    public static string Encrypt(string plain) => "enc:" + plain;

    public IServiceCollection Register(IServiceCollection services)
    {
        services.AddSingleton(Fake<ISettingService>(
            ("LoadSettingAsync", (m, a) => FakeResult.TaskFor(m, Settings.Load(m.ReturnType.GetGenericArguments()[0], (int)a[0]!))),
            ("SettingExistsAsync", (_, a) => Task.FromResult(Settings.Exists(a[0]!.GetType(), (LambdaExpression)a[1]!, (int)a[2]!)))));
        services.AddSingleton(Fake<IEncryptionService>(
            ("EncryptText", (_, a) => Encrypt((string)a[0]!)),
            ("DecryptText", (_, a) => a[0] is string cipher && cipher.StartsWith("enc:", StringComparison.Ordinal)
                ? cipher[4..] : throw new System.Security.Cryptography.CryptographicException("bad cipher"))));
        services.AddSingleton(Fake<ILogger>(("ErrorAsync", (_, _) => { Interlocked.Increment(ref _errorsLogged); return Task.CompletedTask; })));
        services.AddSingleton(Fake<IOrderService>(
            ("GetOrderByIdAsync", (_, a) => Task.FromResult(_orders.GetValueOrDefault((int)a[0]!)!)),
            ("GetOrderItemsAsync", (_, a) => Task.FromResult<IList<OrderItem>>(_items[(int)a[0]!].ToList())),
            ("GetOrdersByIdsAsync", (_, a) => Task.FromResult<IList<Order>>(((int[])a[0]!).Where(_orders.ContainsKey).Select(id => _orders[id]).ToList())),
            // By store, customer and creation time (parameters 0, 2, 8 and 9), as the erase and the reconciliation search; one page.
            ("SearchOrdersAsync", (_, a) => Task.FromResult<IPagedList<Order>>(new TestPagedList<Order>(_orders.Values
                .Where(o => ((int)a[0]! == 0 || o.StoreId == (int)a[0]!) && ((int)a[2]! == 0 || o.CustomerId == (int)a[2]!)
                    && (a[8] is not DateTime from || o.CreatedOnUtc >= from) && (a[9] is not DateTime to || o.CreatedOnUtc <= to) && !o.Deleted)
                .OrderBy(o => o.Id)))),
            ("ParseTaxRates", (_, a) => TaxRateText.Parse((string?)a[1]))));
        services.AddSingleton(Fake<IPictureService>(
            ("GetPicturesByProductIdAsync", (_, a) => Task.FromResult<IList<Picture>>(
                _shop.ProductPictureUrls.ContainsKey((int)a[0]!) ? [new Picture { Id = (int)a[0]! }] : [])),
            ("GetPictureUrlAsync", (_, a) => Task.FromResult((_shop.ProductPictureUrls.GetValueOrDefault(((Picture)a[0]!).Id, ""), (Picture)a[0]!)))));
        services.AddSingleton<IStaticCacheManager>(new InMemoryStaticCache());
        services.AddSingleton(Fake<IUrlRecordService>(("GetSeNameAsync", (m, a) => FakeResult.TaskFor(m, ShopFixture.SeNameOf((Product)a[0]!)))));
        services.AddSingleton(Fake<IPaymentPluginManager>(("LoadPluginBySystemNameAsync", (_, a) => Task.FromResult(_shop.PaymentMethodFor((string)a[0]!)))));
        services.AddSingleton(Fake<IShipmentService>(
            ("GetShipmentsByOrderIdAsync", (_, a) => Task.FromResult<IList<Shipment>>(_shop.Shipments.Where(x => x.OrderId == (int)a[0]!).ToList())),
            ("GetShipmentTrackerAsync", (_, _) => Task.FromResult(Fake<IShipmentTracker>(
                ("GetUrlAsync", (_, t) => Task.FromResult(ShopFixture.TrackingUrlFor((string)t[0]!))))))));
        services.AddSingleton(Fake<ICountryService>(
            ("GetCountryByIdAsync", (_, a) => Task.FromResult(_shop.Countries.Find(c => c.Id == (int)a[0]!)!)),
            ("GetCountryByAddressAsync", (_, a) => Task.FromResult(_shop.Countries.Find(c => c.Id == ((Address)a[0]!).CountryId)!)),
            ("GetCountryByTwoLetterIsoCodeAsync", (_, a) => Task.FromResult(_shop.Countries.Find(c =>
                string.Equals(c.TwoLetterIsoCode, (string)a[0]!, StringComparison.OrdinalIgnoreCase))!))));
        services.AddSingleton(Fake<ILanguageService>(
            ("GetLanguageByIdAsync", (_, a) => Task.FromResult(_shop.Languages.Find(l => l.Id == (int)a[0]!)!)),
            ("GetAllLanguagesAsync", (_, _) => Task.FromResult<IList<Nop.Core.Domain.Localization.Language>>(_shop.Languages.ToList()))));
        services.AddSingleton(Fake<IStoreService>(
            ("GetStoreByIdAsync", (_, a) => Task.FromResult(_shop.Stores.Find(s => s.Id == (int)a[0]!)!)),
            ("GetAllStoresAsync", (_, _) => Task.FromResult<IList<Nop.Core.Domain.Stores.Store>>(_shop.Stores.ToList()))));
        services.AddSingleton(Fake<IProductService>(
            ("GetProductByIdAsync", (_, a) => Task.FromResult(_shop.Products.Find(p => p.Id == (int)a[0]!)!)),
            ("GetProductsByIdsAsync", (_, a) =>
            {
                var ids = (int[])a[0]!;
                return Task.FromResult<IList<Product>>(_shop.Products.Where(p => ids.Contains(p.Id) && !p.Deleted).ToList());
            })));
        services.AddSingleton(Fake<IProductAttributeParser>(("FindProductAttributeCombinationAsync", (_, a) =>
            Task.FromResult(_shop.Combinations.Find(c => c.ProductId == ((Product)a[0]!).Id && c.AttributesXml == (string)a[1]!)!))));
        // The plugin localizes only product names, and not through ILocalizationService.GetLocalizedAsync (OrderDataLoader says why).
        services.AddSingleton(Fake<ILocalizedEntityService>(("GetLocalizedValueAsync", (_, a) =>
            Task.FromResult((string)a[2]! == nameof(Product) && (string)a[3]! == nameof(Product.Name)
                ? _shop.LocalizedProductNames.GetValueOrDefault(((int)a[1]!, (int)a[0]!), "")
                : throw new NotSupportedException("only product names are localized")))));
        services.AddSingleton(Fake<ILocalizationService>(
            ("GetLocalizedFriendlyNameAsync", (_, a) => Task.FromResult(((IPlugin)a[0]!).PluginDescriptor.FriendlyName)),
            ("GetResourceAsync", (_, a) => Task.FromResult(LocaleResources.All.FirstOrDefault(t => t.Key == (string)a[0]!)?.English ?? (string)a[0]!))));
        services.AddSingleton(Fake<IGiftCardService>(("GetGiftCardUsageHistoryAsync", (_, a) =>
            Task.FromResult<IList<GiftCardUsageHistory>>(_shop.GiftCardUsages.Where(u => u.UsedWithOrderId == ((Order)a[0]!).Id).ToList()))));
        services.AddSingleton(Fake<IGdprService>(
            ("GetAllConsentsAsync", (_, _) => Task.FromResult<IList<Nop.Core.Domain.Gdpr.GdprConsent>>(_shop.Consents.ToList())),
            ("IsConsentAcceptedAsync", (_, a) => Task.FromResult<bool?>(
                _shop.ConsentAnswers.TryGetValue(((int)a[0]!, (int)a[1]!), out var accepted) ? accepted : null))));
        services.AddSingleton(Fake<IRewardPointService>(("GetRewardPointsHistoryEntryByIdAsync", (_, a) =>
            Task.FromResult(_shop.RewardPointsHistory.Find(h => h.Id == (int)a[0]!)!))));
        services.AddSingleton(Fake<IGenericAttributeService>(
            ("GetAttributesForEntityAsync", (_, a) => Task.FromResult<IList<GenericAttribute>>(_attributes
                .Where(entry => entry.Key.EntityId == (int)a[0]! && entry.Key.Group == (string)a[1]!)
                .Select(entry => new GenericAttribute
                {
                    EntityId = entry.Key.EntityId, KeyGroup = entry.Key.Group, Key = entry.Key.Key, StoreId = entry.Key.StoreId
                }).ToList())),
            ("DeleteAttributesAsync", (_, a) =>
            {
                foreach (var attribute in (IList<GenericAttribute>)a[0]!)
                    _attributes.TryRemove((attribute.KeyGroup, attribute.EntityId, attribute.Key, attribute.StoreId), out var _);
                return Task.CompletedTask;
            }),
            ("GetAttributeAsync", (m, a) => FakeResult.TaskFor(m,
                _attributes.TryGetValue(AttributeKey(a, storeIndex: 2), out var value) ? value : a[3])),
            ("SaveAttributeAsync", (Func<MethodInfo, object?[], object?>)((_, a) =>
            {
                // nopCommerce deletes the attribute when the value is null or empty.
                if (a[2] is null or "")
                    _attributes.TryRemove(AttributeKey(a, storeIndex: 3), out var _);
                else
                    _attributes[AttributeKey(a, storeIndex: 3)] = a[2];
                return Task.CompletedTask;
            }))));
        return services;
    }

    private static (string, int, string, int) AttributeKey(object?[] a, int storeIndex) =>
        (((BaseEntity)a[0]!).GetType().Name, ((BaseEntity)a[0]!).Id, (string)a[1]!, (int)a[storeIndex]!);

    private static T Fake<T>(params (string Method, Func<MethodInfo, object?[], object?> Answer)[] answers) where T : class =>
        FakeService<T>.Create(answers.ToDictionary(a => a.Method, a => a.Answer));
}
