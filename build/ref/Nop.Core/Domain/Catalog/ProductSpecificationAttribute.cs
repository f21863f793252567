using Nop.Core.Domain.Localization;

namespace Nop.Core.Domain.Catalog;

public partial class ProductSpecificationAttribute : BaseEntity, ILocalizedEntity
{
    public int SpecificationAttributeOptionId { get; set; }
}
