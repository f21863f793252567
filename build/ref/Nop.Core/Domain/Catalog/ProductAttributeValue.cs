using Nop.Core.Domain.Localization;

namespace Nop.Core.Domain.Catalog;

public partial class ProductAttributeValue : BaseEntity, ILocalizedEntity
{
    public int AssociatedProductId { get; set; }

    public string Name { get; set; }

    public decimal PriceAdjustment { get; set; }

    public bool PriceAdjustmentUsePercentage { get; set; }

    public int Quantity { get; set; }

    public AttributeValueType AttributeValueType { get; set; }
}
