using System.Runtime.CompilerServices;
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
/// </summary>
public class OrderDataLoader(
    IOrderService orderService,
    ICustomerService customerService,
    IAddressService addressService,
    ICountryService countryService,
    ILanguageService languageService,
    IProductService productService,
    IProductAttributeParser productAttributeParser,
    ILocalizationService localizationService,
    IDiscountService discountService,
    IGiftCardService giftCardService,
    IRewardPointService rewardPointService)
{
    /// <summary>Set by the dispatcher for the sends of one claim, which read each order once; null: every load reads.</summary>
    public OrderReads? SharedReads { get; set; }

    /// <summary>The order and its customer data, or null when the order no longer exists.</summary>
    public Task<OrderData?> LoadAsync(int orderId) => ReadOnceAsync(orderId, 0, () => ReadAsync(orderId));

    /// <summary>Lines with SKU (attribute combination, else product, else product id) and product name in the given language.</summary>
    public Task<IReadOnlyList<OrderLine>> LoadLinesAsync(Order order, int languageId) =>
        ReadOnceAsync(order.Id, languageId, () => ReadLinesAsync(order, languageId));

    public Task<OrderRedemptions> LoadRedemptionsAsync(Order order) => ReadOnceAsync(order.Id, 0, () => ReadRedemptionsAsync(order));

    /// <summary>Coupon codes of the discounts the order used (the cart's applied codes are cleared at checkout).</summary>
    public Task<IReadOnlyList<string>> LoadCouponCodesAsync(int orderId) => ReadOnceAsync(orderId, 0, () => ReadCouponCodesAsync(orderId));

    private Task<T> ReadOnceAsync<T>(int orderId, int languageId, Func<Task<T>> read, [CallerMemberName] string readName = "") =>
        SharedReads?.GetOrReadAsync(readName, orderId, languageId, read) ?? read();

    private async Task<OrderData?> ReadAsync(int orderId)
    {
        var order = await orderService.GetOrderByIdAsync(orderId);
        if (order is null || order.Deleted)
            return null;

        var customer = await customerService.GetCustomerByIdAsync(order.CustomerId);
        var billing = await addressService.GetAddressByIdAsync(order.BillingAddressId);
        var shipping = order.ShippingAddressId is int shippingId ? await addressService.GetAddressByIdAsync(shippingId) : null;
        var country = billing?.CountryId is int countryId ? await countryService.GetCountryByIdAsync(countryId) : null;
        var language = await languageService.GetLanguageByIdAsync(order.CustomerLanguageId);
        // Guests usually have no customer email: the billing address carries it.
        var email = OrderData.FirstNonEmpty(customer?.Email, billing?.Email);
        return new OrderData(order, customer, billing, shipping, country, language, email);
    }

    private async Task<IReadOnlyList<OrderLine>> ReadLinesAsync(Order order, int languageId)
    {
        var items = await orderService.GetOrderItemsAsync(order.Id);
        var products = (await productService.GetProductsByIdsAsync(items.Select(i => i.ProductId).Distinct().ToArray()))
            .ToDictionary(p => p.Id);
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
                : await productAttributeParser.FindProductAttributeCombinationAsync(product, item.AttributesXml);
            var productSku = OrderData.FirstNonEmpty(combination?.Sku, product.Sku);
            var name = await localizationService.GetLocalizedAsync(product, p => p.Name, languageId);
            lines.Add(new OrderLine(item, product.Id, productSku ?? product.Id.ToString(), productSku, name ?? product.Name ?? $"Product {product.Id}", product));
        }
        return lines;
    }

    private async Task<OrderRedemptions> ReadRedemptionsAsync(Order order)
    {
        var giftCards = (await giftCardService.GetGiftCardUsageHistoryAsync(order)).Select(u => u.UsedValue).Where(v => v != 0m).ToList();
        var rewardPoints = order.RedeemedRewardPointsEntryId is int entryId
            ? (await rewardPointService.GetRewardPointsHistoryEntryByIdAsync(entryId))?.UsedAmount ?? 0m
            : 0m;
        return new OrderRedemptions(giftCards, rewardPoints);
    }

    private async Task<IReadOnlyList<string>> ReadCouponCodesAsync(int orderId)
    {
        var usages = await discountService.GetAllDiscountUsageHistoryAsync(orderId: orderId);
        var codes = new List<string>();
        foreach (var discountId in usages.Select(u => u.DiscountId).Distinct())
        {
            var discount = await discountService.GetDiscountByIdAsync(discountId);
            if (discount is { RequiresCouponCode: true } && !string.IsNullOrWhiteSpace(discount.CouponCode))
                codes.Add(discount.CouponCode.Trim());
        }
        return codes;
    }
}
