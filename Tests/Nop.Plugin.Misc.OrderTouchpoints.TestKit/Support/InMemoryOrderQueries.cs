using Nop.Core.Domain.Discounts;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>The plugin's one-query order reads answered from a <see cref="ShopFixture"/>'s lists, as the database would.</summary>
public sealed class InMemoryOrderQueries(ShopFixture shop) : IOrderQueries
{
    public Task<OrderRows?> FindAsync(int orderId) =>
        Task.FromResult(shop.Orders.Find(o => o.Id == orderId) is { } order
            ? new OrderRows(order, shop.Customers.Find(c => c.Id == order.CustomerId), shop.Addresses.Find(a => a.Id == order.BillingAddressId),
                shop.Addresses.Find(a => a.Id == order.ShippingAddressId))
            : null);

    public Task<IReadOnlyList<Discount>> UsedDiscountsAsync(int orderId) =>
        Task.FromResult<IReadOnlyList<Discount>>(shop.DiscountUsages.Where(u => u.OrderId == orderId)
            .OrderByDescending(u => u.CreatedOnUtc).ThenBy(u => u.Id)
            .Join(shop.Discounts, u => u.DiscountId, d => d.Id, (_, d) => d)
            .DistinctBy(d => d.Id).ToList());
}
