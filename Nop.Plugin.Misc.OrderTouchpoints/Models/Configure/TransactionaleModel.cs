using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

public record TransactionaleModel : VendorModel
{
    public override TouchpointVendor Vendor => TouchpointVendor.Transactionale;

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.EndpointUrl")]
    public string? EndpointUrl { get; set; }
    public bool EndpointUrl_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Transactionale.ShopCountryCode")]
    public string? ShopCountryCode { get; set; }
    public bool ShopCountryCode_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Transactionale.SendLastName")]
    public bool SendLastName { get; set; }
    public bool SendLastName_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Transactionale.SendPhone")]
    public bool SendPhone { get; set; }
    public bool SendPhone_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Transactionale.SendTransactionValue")]
    public bool SendTransactionValue { get; set; }
    public bool SendTransactionValue_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Transactionale.RequiredGdprConsentId")]
    public int RequiredGdprConsentId { get; set; }
    public bool RequiredGdprConsentId_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Transactionale.SendWithoutConsentCheck")]
    public bool SendWithoutConsentCheck { get; set; }
    public bool SendWithoutConsentCheck_OverrideForStore { get; set; }

    /// <summary>Which consent rule applies at this scope, in the store owner's words.</summary>
    public string ConsentRuleText { get; set; } = string.Empty;

    /// <summary>The rule is not chosen yet: the page warns that the vendor cannot be enabled.</summary>
    public bool ConsentRuleMissing { get; set; }

    public IList<SelectListItem> AvailableCountries { get; set; } = [];

    public IList<SelectListItem> AvailableConsents { get; set; } = [];
}
