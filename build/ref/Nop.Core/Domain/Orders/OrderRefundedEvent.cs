namespace Nop.Core.Domain.Orders;

public partial class OrderRefundedEvent
{
    public OrderRefundedEvent(Order order, decimal amount)
    {
        Order = order;
    }

    public Order Order { get; }
}
