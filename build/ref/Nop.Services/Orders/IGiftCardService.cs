using Nop.Core.Domain.Orders;

namespace Nop.Services.Orders;

public partial interface IGiftCardService
{
    Task<IList<GiftCardUsageHistory>> GetGiftCardUsageHistoryAsync(Order order);
}
