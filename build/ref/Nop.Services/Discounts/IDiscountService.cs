using Nop.Core;
using Nop.Core.Domain.Discounts;

namespace Nop.Services.Discounts;

public partial interface IDiscountService
{
    Task<Discount> GetDiscountByIdAsync(int discountId);

    Task<IPagedList<DiscountUsageHistory>> GetAllDiscountUsageHistoryAsync(int? discountId = null,
        int? customerId = null, int? orderId = null, bool includeCancelledOrders = true,
        int pageIndex = 0, int pageSize = int.MaxValue);
}
