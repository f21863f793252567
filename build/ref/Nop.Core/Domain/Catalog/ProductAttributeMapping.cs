using Nop.Core.Domain.Localization;

namespace Nop.Core.Domain.Catalog;

public partial class ProductAttributeMapping : BaseEntity, ILocalizedEntity
{
    public int ProductAttributeId { get; set; }
}
