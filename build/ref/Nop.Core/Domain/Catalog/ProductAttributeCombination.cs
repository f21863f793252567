namespace Nop.Core.Domain.Catalog;

public partial class ProductAttributeCombination : BaseEntity
{
    public int ProductId { get; set; }

    public string AttributesXml { get; set; }

    public string Sku { get; set; }

    public int StockQuantity { get; set; }

    public decimal? OverriddenPrice { get; set; }
}
