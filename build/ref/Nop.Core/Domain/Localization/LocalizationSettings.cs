using Nop.Core.Configuration;

namespace Nop.Core.Domain.Localization;

public partial class LocalizationSettings : ISettings
{
    public bool SeoFriendlyUrlsForLanguagesEnabled { get; set; }
}
