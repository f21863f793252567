using Nop.Core.Domain.Payments;

namespace Nop.Core.Domain.Orders;

public partial class Order : BaseEntity
{
    public string CustomOrderNumber { get; set; }

    public int StoreId { get; set; }

    public int CustomerId { get; set; }

    public int BillingAddressId { get; set; }

    public int? ShippingAddressId { get; set; }

    public string CustomerCurrencyCode { get; set; }

    public string PaymentMethodSystemName { get; set; }

    public decimal CurrencyRate { get; set; }

    public decimal OrderSubTotalDiscountInclTax { get; set; }

    public decimal OrderShippingInclTax { get; set; }

    public decimal OrderShippingExclTax { get; set; }

    public decimal PaymentMethodAdditionalFeeInclTax { get; set; }

    public decimal PaymentMethodAdditionalFeeExclTax { get; set; }

    public string TaxRates { get; set; }

    public decimal OrderDiscount { get; set; }

    public decimal OrderTotal { get; set; }

    public decimal RefundedAmount { get; set; }

    public int CustomerLanguageId { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    public bool Deleted { get; set; }

    public virtual int? RedeemedRewardPointsEntryId { get; set; }

    public string ShippingMethod { get; set; }

    public OrderStatus OrderStatus { get; set; }

    public PaymentStatus PaymentStatus { get; set; }
}
