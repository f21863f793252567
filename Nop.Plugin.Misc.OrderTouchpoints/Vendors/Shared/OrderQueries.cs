using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Orders;
using Nop.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>An order with its customer and addresses; each is null when its row is gone.</summary>
public sealed record OrderRows(Order Order, Customer? Customer, Address? BillingAddress, Address? ShippingAddress);

/// <summary>
/// What a send reads of an order, one query each: nopCommerce's services read the order, its customer and each address in
/// a round trip of their own, and count an order's discount usages before reading them (BENCHMARKS.md).
/// </summary>
public interface IOrderQueries
{
    /// <summary>The order, a deleted one too, with its customer and addresses; null when there is no such order.</summary>
    Task<OrderRows?> FindAsync(int orderId);

    /// <summary>The discounts the order used, latest usage first (as nopCommerce lists usages), each once.</summary>
    Task<IReadOnlyList<Discount>> UsedDiscountsAsync(int orderId);
}

public class DbOrderQueries(IRepository<Order> orders, IRepository<Customer> customers, IRepository<Address> addresses,
    IRepository<DiscountUsageHistory> usages, IRepository<Discount> discounts) : IOrderQueries
{
    public async Task<OrderRows?> FindAsync(int orderId)
    {
        var found = await (from order in orders.Table
                           where order.Id == orderId
                           from customer in customers.Table.Where(c => c.Id == order.CustomerId).DefaultIfEmpty()
                           from billing in addresses.Table.Where(a => a.Id == order.BillingAddressId).DefaultIfEmpty()
                           from shipping in addresses.Table.Where(a => a.Id == order.ShippingAddressId).DefaultIfEmpty()
                           select new { order, customer, billing, shipping }).ToListAsync();
        return found.Select(row => new OrderRows(row.order, row.customer, row.billing, row.shipping)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<Discount>> UsedDiscountsAsync(int orderId) =>
        (await (from usage in usages.Table
                where usage.OrderId == orderId
                join discount in discounts.Table on usage.DiscountId equals discount.Id
                orderby usage.CreatedOnUtc descending, usage.Id
                select discount).ToListAsync())
        .DistinctBy(discount => discount.Id).ToList();
}
