using Nop.Core.Domain.Localization;

namespace Nop.Core.Domain.Catalog;

public partial class SpecificationAttribute : BaseEntity, ILocalizedEntity
{
    public string Name { get; set; }
}
