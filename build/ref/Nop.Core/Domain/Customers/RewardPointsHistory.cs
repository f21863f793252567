namespace Nop.Core.Domain.Customers;

public partial class RewardPointsHistory : BaseEntity
{
    public decimal UsedAmount { get; set; }
}
