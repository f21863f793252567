using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models;

/// <summary>One nopCommerce language and the Engage locale sent instead of its culture (empty: its culture).</summary>
public record VoyadoLanguageModel : BaseNopModel
{
    public int LanguageId { get; set; }

    public string? LanguageName { get; set; }

    public string? LanguageCulture { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.OverrideCulture")]
    public string? OverrideCulture { get; set; }
}
