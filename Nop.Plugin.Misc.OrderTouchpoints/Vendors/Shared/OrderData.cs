using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Orders;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>An order re-read at send time; its <see cref="TaxRates"/> (none negative) include every line's rate.</summary>
public sealed record OrderData(
    Order Order,
    Customer? Customer,
    Address? BillingAddress,
    Address? ShippingAddress,
    Country? BillingCountry,
    Language? Language,
    string? Email,
    IReadOnlyList<decimal> TaxRates)
{
    /// <summary>Billing first name, else the customer's (guests have only the address).</summary>
    public string? FirstName => FirstNonEmpty(BillingAddress?.FirstName, Customer?.FirstName);

    public string? LastName => FirstNonEmpty(BillingAddress?.LastName, Customer?.LastName);

    public string? Phone => FirstNonEmpty(BillingAddress?.PhoneNumber, Customer?.Phone);

    public string? ZipCode => FirstNonEmpty(ShippingAddress?.ZipPostalCode, BillingAddress?.ZipPostalCode);

    /// <summary>nopCommerce keeps amounts in the primary currency; vendors get what the customer paid, in their currency.</summary>
    public decimal InCustomerCurrency(decimal primaryAmount) => Math.Round(primaryAmount * Order.CurrencyRate, 2, MidpointRounding.AwayFromZero);

    internal static string? FirstNonEmpty(params string?[] values) =>
        values.Select(v => v?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    internal static string? CouponCodeOf(Discount discount) => discount.RequiresCouponCode ? FirstNonEmpty(discount.CouponCode) : null;
}

/// <summary>
/// Redeemed gift cards and reward points (primary currency): OrderTotal leaves them out, and can fall below the shipping fee.
/// </summary>
public sealed record OrderRedemptions(IReadOnlyList<decimal> GiftCards, decimal RewardPoints)
{
    public decimal ValuePaid(Order order) => order.OrderTotal + GiftCards.Sum() + RewardPoints;
}

/// <summary>One order line with its product resolved; the product may have been deleted since the order (then null).</summary>
public sealed record OrderLine(OrderItem Item, int ProductId, string Sku, string? ProductSku, string Name, Product? Product = null);
