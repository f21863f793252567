using Nop.Core.Domain.Localization;

namespace Nop.Core.Domain.Catalog;

public partial class Category : BaseEntity, ILocalizedEntity
{
    public string Name { get; set; }

    public bool Published { get; set; }

    public bool Deleted { get; set; }
}
