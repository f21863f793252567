using Nop.Core.Domain.Localization;

namespace Nop.Core.Domain.Gdpr;

public partial class GdprConsent : BaseEntity, ILocalizedEntity
{
    public string Message { get; set; }
}
