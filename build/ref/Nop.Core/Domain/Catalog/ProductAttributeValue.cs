using Nop.Core.Domain.Localization;

namespace Nop.Core.Domain.Catalog;

public partial class ProductAttributeValue : BaseEntity, ILocalizedEntity
{
    public string Name { get; set; }
}
