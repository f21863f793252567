using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Orders;
using Nop.Services.Catalog;
using Nop.Services.Directory;
using Nop.Services.Localization;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// Re-reads an order at send time, never through IWorkContext (then a background or admin customer). Services are resolved
/// on first use, as most sends share their reads (<see cref="OrderReads"/>) and building them per scope is costly; from the
/// scope, not nopCommerce's <c>Lazy&lt;T&gt;</c>, which without Autofac resolves from the root outside a request.
/// </summary>
public class OrderDataLoader(IServiceProvider services)
{
    /// <summary>Set by the dispatcher: reads shared with the other sends of the order event; null: every load reads.</summary>
    public OrderReads.EventReads? SharedReads { get; set; }

    public Task<OrderData?> LoadAsync(int orderId) => ReadOnceAsync(orderId, 0, () => ReadAsync(orderId));

    /// <summary>The order's own rows, a deleted order's too (the dispatcher's erasure check needs only its customer).</summary>
    public Task<OrderRows?> LoadRowsAsync(int orderId) => ReadOnceAsync(orderId, 0, () => Service<IOrderQueries>().FindAsync(orderId));

    public Task<IReadOnlyList<OrderLine>> LoadLinesAsync(Order order, int languageId) =>
        ReadOnceAsync(order.Id, languageId, () => ReadLinesAsync(order, languageId));

    public Task<OrderRedemptions> LoadRedemptionsAsync(Order order) => ReadOnceAsync(order.Id, 0, () => ReadRedemptionsAsync(order));

    /// <summary>From the discount usage history: the cart's discounts are cleared at checkout.</summary>
    public Task<IReadOnlyList<Discount>> LoadUsedDiscountsAsync(int orderId) => ReadOnceAsync(orderId, 0, () => ReadUsedDiscountsAsync(orderId));

    public async Task<IReadOnlyList<string>> LoadCouponCodesAsync(int orderId) =>
        (await LoadUsedDiscountsAsync(orderId)).Select(OrderData.CouponCodeOf).OfType<string>().ToList();

    private T Service<T>() where T : notnull => services.GetRequiredService<T>();

    private Task<T> ReadOnceAsync<T>(int orderId, int languageId, Func<Task<T>> read, [CallerMemberName] string readName = "") =>
        SharedReads?.GetOrReadAsync(readName, orderId, languageId, read) ?? read();

    private async Task<OrderData?> ReadAsync(int orderId)
    {
        if (await LoadRowsAsync(orderId) is not ({ Deleted: false } order, var customer, var billing, var shipping))
            return null;
        // Countries and languages come from nopCommerce's static cache: no round trip.
        var country = billing?.CountryId is int countryId ? await Service<ICountryService>().GetCountryByIdAsync(countryId) : null;
        var language = await Service<ILanguageService>().GetLanguageByIdAsync(order.CustomerLanguageId);
        // Guests usually have no customer email: the billing address carries it.
        var email = OrderData.FirstNonEmpty(AccountEmail(customer), billing?.Email);
        IReadOnlyList<decimal> taxRates = string.IsNullOrWhiteSpace(order.TaxRates)
            ? []
            : Service<IOrderService>().ParseTaxRates(order, order.TaxRates).Keys.Where(rate => rate >= 0m).ToList();
        return new OrderData(order, customer, billing, shipping, country, language, email, taxRates);
    }

    /// <summary>
    /// The account's email, or null when it is no address: nopCommerce deletes an account (not a GDPR erase) by marking it
    /// deleted and, with <c>CustomerSettings.SuffixDeletedCustomers</c>, appending "-DELETED" to its email, while the order
    /// keeps going (shipments, refunds). The billing email then stands in, the address nopCommerce's own order mails go to.
    /// </summary>
    private static string? AccountEmail(Customer? customer) =>
        customer is { Deleted: true, Email: { } email } && email.TrimEnd().EndsWith(DeletedCustomerSuffix, StringComparison.Ordinal)
            ? null
            : customer?.Email;

    // NopCustomerServicesDefaults.CustomerDeletedSuffix.
    private const string DeletedCustomerSuffix = "-DELETED";

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

    // Not ILocalizationService.GetLocalizedAsync: it asks IWorkContext for the language even when given one, which in a send's
    // scope loads (and may update) the background-task customer, and it compiles its selector when the name is not localized.
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

    private Task<IReadOnlyList<Discount>> ReadUsedDiscountsAsync(int orderId) => Service<IOrderQueries>().UsedDiscountsAsync(orderId);
}
