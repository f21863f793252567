using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Caching;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Shipping;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Media;
using Nop.Services.Payments;
using Nop.Services.Seo;
using Nop.Services.Shipping;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>
/// Reads <see cref="VoyadoOrderDetails"/> through nopCommerce's services. URLs are built for the order's
/// store (not the host the dispatcher happens to run under), texts in the order's language. The shipment service (with
/// the shipping and pickup plugin managers it builds) is resolved only for a shipment's post, from the scope's own provider
/// as <see cref="OrderDataLoader"/>'s services are: every send builds its channel in a scope of its own, and so does
/// checkout's consumer.
/// </summary>
public class VoyadoOrderDetailsLoader(
    IStoreService storeService,
    ILanguageService languageService,
    ISettingService settingService,
    IPictureService pictureService,
    IUrlRecordService urlRecordService,
    OrderDataLoader orderDataLoader,
    IPaymentPluginManager paymentPluginManager,
    ILocalizationService localizationService,
    IStaticCacheManager staticCacheManager,
    IServiceProvider services)
{
    // Under nopCommerce's entity cache prefix of ProductPicture (NopEntityCacheDefaults<ProductPicture>.AllPrefix): its cache
    // event consumer for product pictures removes every key that starts with it whenever a product's pictures are added,
    // changed or removed. Anything else that moves a picture (a media setting) shows after nopCommerce's default cache time.
    private static CacheKey ImageUrlKey => new("Nop.productpicture.all.ordertouchpoints.engageimage.{0}-{1}");

    public async Task<VoyadoOrderDetails> LoadAsync(OrderData data, IReadOnlyList<OrderLine> lines, OrderTouchpointsVoyadoSettings settings, DeliveryRequest request)
    {
        var order = data.Order;
        var store = await storeService.GetStoreByIdAsync(order.StoreId);
        var storeLanguage = await StoreLanguageAsync(store);
        var language = data.Language ?? storeLanguage;
        // Engage documents language as required: an order whose language was deleted gets the store's default.
        var locale = VoyadoLanguageOverrides.LocaleFor(settings.LanguageOverrides, language?.Id ?? order.CustomerLanguageId, language?.LanguageCulture)
                     ?? (storeLanguage is null ? null : VoyadoLanguageOverrides.LocaleFor(settings.LanguageOverrides, storeLanguage.Id, storeLanguage.LanguageCulture));

        return new VoyadoOrderDetails(
            Locale: locale,
            LinksByOrderItemId: await LinksAsync(store, language, lines),
            PaymentMethodName: await PaymentMethodNameAsync(order, language?.Id ?? 0),
            Discounts: await DiscountsAsync(order.Id),
            Shipment: request.Event is TouchpointEvent.ShipmentSent or TouchpointEvent.ShipmentDelivered
                ? await ShipmentAsync(order, request)
                : null);
    }

    /// <summary>The language a post is in: the order's, else (deleted since) its store's default.</summary>
    public async Task<Language?> LanguageAsync(OrderData data) =>
        data.Language ?? await StoreLanguageAsync(await storeService.GetStoreByIdAsync(data.Order.StoreId));

    private async Task<Language?> StoreLanguageAsync(Store? store)
    {
        if (store is null)
            return null;
        var language = store.DefaultLanguageId > 0 ? await languageService.GetLanguageByIdAsync(store.DefaultLanguageId) : null;
        return language ?? (await languageService.GetAllLanguagesAsync(storeId: store.Id)).FirstOrDefault();
    }

    private async Task<IReadOnlyDictionary<int, VoyadoLineLinks>> LinksAsync(Store? store, Language? language, IReadOnlyList<OrderLine> lines)
    {
        var links = new Dictionary<int, VoyadoLineLinks>();
        // A store without a usable URL gets no links rather than relative ones a mail cannot open.
        if (store is null || !Uri.TryCreate((store.Url ?? string.Empty).Trim().TrimEnd('/') + "/", UriKind.Absolute, out var baseUri)
            || baseUri.Scheme is not ("http" or "https"))
            return links;
        var localization = await settingService.LoadSettingAsync<LocalizationSettings>(store.Id);
        var prefix = localization?.SeoFriendlyUrlsForLanguagesEnabled == true && !string.IsNullOrWhiteSpace(language?.UniqueSeoCode)
            ? language.UniqueSeoCode.Trim() + "/"
            : string.Empty;
        foreach (var line in lines)
        {
            if (line.Product is not { } product)
                continue;
            var seName = await urlRecordService.GetSeNameAsync(product, language?.Id);
            var target = string.IsNullOrWhiteSpace(seName) ? null : new Uri(baseUri, prefix + seName.Trim()).AbsoluteUri;
            links[line.Item.Id] = new VoyadoLineLinks(await ImageUrlAsync(product.Id, baseUri), target);
        }
        return links;
    }

    /// <summary>
    /// The product's first picture for a store, read once per product and store while nopCommerce's cache keeps it: every
    /// Engage post of every order carries it for each line, and nopCommerce reads product pictures from the database.
    /// </summary>
    private async Task<string?> ImageUrlAsync(int productId, Uri baseUri)
    {
        var key = staticCacheManager.PrepareKeyForDefaultCache(ImageUrlKey, productId, baseUri.AbsoluteUri);
        // nopCommerce's cache drops a null answer; "" stands for "no picture", so that is kept as well.
        var url = await staticCacheManager.GetAsync(key, async () => await ReadImageUrlAsync(productId, baseUri) ?? string.Empty);
        return url.Length == 0 ? null : url;
    }

    private async Task<string?> ReadImageUrlAsync(int productId, Uri baseUri)
    {
        if ((await pictureService.GetPicturesByProductIdAsync(productId, 1)).FirstOrDefault() is not { } picture)
            return null;
        var (url, _) = await pictureService.GetPictureUrlAsync(picture, showDefaultPicture: false, storeLocation: baseUri.AbsoluteUri);
        // nopCommerce answers a path ("/images/thumbs/…") unless its "absolute image path" setting is on.
        return !string.IsNullOrWhiteSpace(url) && Uri.TryCreate(baseUri, url.Trim(), out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.AbsoluteUri
            : null;
    }

    private async Task<string?> PaymentMethodNameAsync(Order order, int languageId)
    {
        var systemName = order.PaymentMethodSystemName?.Trim();
        if (string.IsNullOrEmpty(systemName))
            return null;
        var method = await paymentPluginManager.LoadPluginBySystemNameAsync(systemName);
        if (method is null)
            return systemName;
        var name = await localizationService.GetLocalizedFriendlyNameAsync(method, languageId);
        return OrderData.FirstNonEmpty(name, method.PluginDescriptor?.FriendlyName, systemName);
    }

    private async Task<IReadOnlyList<VoyadoUsedDiscount>> DiscountsAsync(int orderId)
    {
        var discounts = new List<VoyadoUsedDiscount>();
        foreach (var discount in await orderDataLoader.LoadUsedDiscountsAsync(orderId))
        {
            var coupon = OrderData.CouponCodeOf(discount);
            discounts.Add(new VoyadoUsedDiscount(OrderData.FirstNonEmpty(discount.Name, coupon) ?? $"Discount {discount.Id}", coupon,
                discount.DiscountType is DiscountType.AssignedToOrderSubTotal or DiscountType.AssignedToOrderTotal));
        }
        return discounts;
    }

    /// <summary>
    /// The shipment the delivery's row names; one deleted since gives the post no shipment's details, never another's (the
    /// admin ships several at once, milliseconds apart). A preview names none: it shows the latest shipped by the event.
    /// </summary>
    private async Task<VoyadoShipmentInfo?> ShipmentAsync(Order order, DeliveryRequest request)
    {
        var shipmentService = services.GetRequiredService<IShipmentService>();
        var shipments = await shipmentService.GetShipmentsByOrderIdAsync(order.Id);
        static DateTime? When(Shipment s, TouchpointEvent e) => e == TouchpointEvent.ShipmentDelivered ? s.DeliveryDateUtc ?? s.ShippedDateUtc : s.ShippedDateUtc;
        var eventUtc = request.EventOccurredUtc.AddSeconds(1);
        var shipment = request.EventSourceId > 0
            ? shipments.FirstOrDefault(s => s.Id == request.EventSourceId)
            : shipments.Where(s => When(s, request.Event) is { } at && at <= eventUtc).MaxBy(s => When(s, request.Event))
              ?? shipments.Where(s => s.ShippedDateUtc is not null).MaxBy(s => s.ShippedDateUtc);
        var method = OrderData.FirstNonEmpty(order.ShippingMethod);
        if (shipment is null)
            return new VoyadoShipmentInfo(null, null, null, method);

        var trackingNumber = OrderData.FirstNonEmpty(shipment.TrackingNumber);
        string? trackingUrl = null;
        if (trackingNumber is not null && await shipmentService.GetShipmentTrackerAsync(shipment) is { } tracker)
        {
            var url = await tracker.GetUrlAsync(trackingNumber, shipment);
            trackingUrl = Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute.AbsoluteUri : null;
        }
        return new VoyadoShipmentInfo(shipment.ShippedDateUtc, trackingNumber, trackingUrl, method);
    }
}
