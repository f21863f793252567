using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Orders;
using Nop.Services.Catalog;
using Nop.Services.Common;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Discounts;
using Nop.Services.Localization;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// Re-reads an order through nopCommerce's services when a delivery is sent (other consumers may have
/// changed it since the event). Never uses IWorkContext: at send time that is a background or admin customer.
/// The services are resolved on first use: the sends of one order event share these reads (<see cref="OrderReads"/>), so
/// most sends need none of them, and building them in a send's scope (with the settings nopCommerce loads for each, per
/// scope) is a large part of what a send costs the store. They come from the scope's own provider, not nopCommerce's
/// <c>Lazy&lt;T&gt;</c>: without Autofac that resolves through <c>EngineContext</c>, which outside a request is the
/// application's root, so a send would get services and settings that outlive it.
/// </summary>
public class OrderDataLoader(IServiceProvider services)
{
    /// <summary>Set by the dispatcher: the reads this send shares with the others of its order event; null: every load reads.</summary>
    public OrderReads.EventReads? SharedReads { get; set; }

    /// <summary>The order and its customer data, or null when the order no longer exists.</summary>
    public Task<OrderData?> LoadAsync(int orderId) => ReadOnceAsync(orderId, 0, () => ReadAsync(orderId));

    /// <summary>Lines with SKU (attribute combination, else product, else product id) and product name in the given language.</summary>
    public Task<IReadOnlyList<OrderLine>> LoadLinesAsync(Order order, int languageId) =>
        ReadOnceAsync(order.Id, languageId, () => ReadLinesAsync(order, languageId));

    public Task<OrderRedemptions> LoadRedemptionsAsync(Order order) => ReadOnceAsync(order.Id, 0, () => ReadRedemptionsAsync(order));

    /// <summary>The discounts the order used, each once (from its discount usage history: the cart's are cleared at checkout).</summary>
    public Task<IReadOnlyList<Discount>> LoadUsedDiscountsAsync(int orderId) => ReadOnceAsync(orderId, 0, () => ReadUsedDiscountsAsync(orderId));

    /// <summary>Coupon codes of the discounts the order used.</summary>
    public async Task<IReadOnlyList<string>> LoadCouponCodesAsync(int orderId) =>
        (await LoadUsedDiscountsAsync(orderId)).Select(OrderData.CouponCodeOf).OfType<string>().ToList();

    private T Service<T>() where T : notnull => services.GetRequiredService<T>();

    private Task<T> ReadOnceAsync<T>(int orderId, int languageId, Func<Task<T>> read, [CallerMemberName] string readName = "") =>
        SharedReads?.GetOrReadAsync(readName, orderId, languageId, read) ?? read();

    private async Task<OrderData?> ReadAsync(int orderId)
    {
        var orderService = Service<IOrderService>();
        var order = await orderService.GetOrderByIdAsync(orderId);
        if (order is null || order.Deleted)
            return null;

        var customer = await Service<ICustomerService>().GetCustomerByIdAsync(order.CustomerId);
        var billing = await Service<IAddressService>().GetAddressByIdAsync(order.BillingAddressId);
        var shipping = order.ShippingAddressId is int shippingId ? await Service<IAddressService>().GetAddressByIdAsync(shippingId) : null;
        var country = billing?.CountryId is int countryId ? await Service<ICountryService>().GetCountryByIdAsync(countryId) : null;
        var language = await Service<ILanguageService>().GetLanguageByIdAsync(order.CustomerLanguageId);
        // Guests usually have no customer email: the billing address carries it.
        var email = OrderData.FirstNonEmpty(customer?.Email, billing?.Email);
        // Parsed here, by the order service this read builds anyway, so a send that shares the read builds none for it.
        IReadOnlyList<decimal> taxRates = string.IsNullOrWhiteSpace(order.TaxRates)
            ? []
            : orderService.ParseTaxRates(order, order.TaxRates).Keys.Where(rate => rate >= 0m).ToList();
        return new OrderData(order, customer, billing, shipping, country, language, email, taxRates);
    }

    private async Task<IReadOnlyList<OrderLine>> ReadLinesAsync(Order order, int languageId)
    {
        var items = await Service<IOrderService>().GetOrderItemsAsync(order.Id);
        var products = (await Service<IProductService>().GetProductsByIdsAsync(items.Select(i => i.ProductId).Distinct().ToArray()))
            .ToDictionary(p => p.Id);
        // nopCommerce uses localized values only while the store has two published languages.
        var localized = languageId > 0 && (await Service<ILanguageService>().GetAllLanguagesAsync()).Count >= 2;
        var lines = new List<OrderLine>(items.Count);
        foreach (var item in items)
        {
            if (!products.TryGetValue(item.ProductId, out var product))
            {
                lines.Add(new OrderLine(item, item.ProductId, item.ProductId.ToString(), null, $"Product {item.ProductId}"));
                continue;
            }
            var combination = string.IsNullOrEmpty(item.AttributesXml)
                ? null
                : await Service<IProductAttributeParser>().FindProductAttributeCombinationAsync(product, item.AttributesXml);
            var productSku = OrderData.FirstNonEmpty(combination?.Sku, product.Sku);
            var name = localized ? await LocalizedNameAsync(product, languageId) : product.Name;
            lines.Add(new OrderLine(item, product.Id, productSku ?? product.Id.ToString(), productSku, name ?? $"Product {product.Id}", product));
        }
        return lines;
    }

    // What ILocalizationService.GetLocalizedAsync answers (the localized name, else the product's), read without it: it asks
    // IWorkContext for the working language even when given one, which in a send's scope loads nopCommerce's
    // background-task customer and its attributes (and may update them), and it compiles its selector whenever the name is
    // not localized.
    private async Task<string?> LocalizedNameAsync(Product product, int languageId) =>
        await Service<ILocalizedEntityService>().GetLocalizedValueAsync(languageId, product.Id, nameof(Product), nameof(Product.Name)) is { Length: > 0 } localized
            ? localized
            : product.Name;

    private async Task<OrderRedemptions> ReadRedemptionsAsync(Order order)
    {
        var giftCards = (await Service<IGiftCardService>().GetGiftCardUsageHistoryAsync(order)).Select(u => u.UsedValue).Where(v => v != 0m).ToList();
        var rewardPoints = order.RedeemedRewardPointsEntryId is int entryId
            ? (await Service<IRewardPointService>().GetRewardPointsHistoryEntryByIdAsync(entryId))?.UsedAmount ?? 0m
            : 0m;
        return new OrderRedemptions(giftCards, rewardPoints);
    }

    private async Task<IReadOnlyList<Discount>> ReadUsedDiscountsAsync(int orderId)
    {
        var usages = await Service<IDiscountService>().GetAllDiscountUsageHistoryAsync(orderId: orderId);
        var discounts = new List<Discount>();
        foreach (var discountId in usages.Select(u => u.DiscountId).Distinct())
        {
            if (await Service<IDiscountService>().GetDiscountByIdAsync(discountId) is { } discount)
                discounts.Add(discount);
        }
        return discounts;
    }
}
