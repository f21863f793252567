using Nop.Core.Domain.Localization;

namespace Nop.Core.Domain.Directory;

public partial class Country : BaseEntity, ILocalizedEntity
{
    public string Name { get; set; }

    public string TwoLetterIsoCode { get; set; }
}
