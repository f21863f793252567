using Nop.Core.Domain.Localization;

namespace Nop.Core.Domain.Catalog;

public partial class ProductAttribute : BaseEntity, ILocalizedEntity
{
    public string Name { get; set; }
}
