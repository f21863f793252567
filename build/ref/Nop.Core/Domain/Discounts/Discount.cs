namespace Nop.Core.Domain.Discounts;

public partial class Discount : BaseEntity
{
    public string Name { get; set; }

    public bool RequiresCouponCode { get; set; }

    public string CouponCode { get; set; }

    public DiscountType DiscountType { get; set; }
}
