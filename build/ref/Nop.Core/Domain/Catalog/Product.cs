using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Seo;

namespace Nop.Core.Domain.Catalog;

public partial class Product : BaseEntity, ILocalizedEntity, ISlugSupported
{
    public string Name { get; set; }

    public string Sku { get; set; }

    public string ShortDescription { get; set; }

    public string FullDescription { get; set; }

    public bool VisibleIndividually { get; set; }

    public decimal Price { get; set; }

    public decimal OldPrice { get; set; }


    public int StockQuantity { get; set; }

    public bool Published { get; set; }

    public bool Deleted { get; set; }

    public ProductType ProductType { get; set; }

    public ManageInventoryMethod ManageInventoryMethod { get; set; }
}
