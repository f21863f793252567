namespace Nop.Core.Domain.Discounts;

public partial class Discount : BaseEntity
{
    public bool RequiresCouponCode { get; set; }

    public string CouponCode { get; set; }
}
