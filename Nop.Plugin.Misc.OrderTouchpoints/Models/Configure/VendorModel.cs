using System.ComponentModel.DataAnnotations;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

/// <summary>
/// What every vendor card has. <see cref="ApiKey"/> only carries a newly typed key to the server: it is
/// never filled from settings, so the page can only show <see cref="ApiKeyEnding"/>.
/// </summary>
public abstract record VendorModel : BaseNopModel
{
    public abstract TouchpointVendor Vendor { get; }

    public int ActiveStoreScopeConfiguration { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Enabled")]
    public bool Enabled { get; set; }
    public bool Enabled_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.ApiKey")]
    [NoTrim]
    [DataType(DataType.Password)]
    public string? ApiKey { get; set; }
    public bool ApiKey_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.ClearApiKey")]
    public bool ClearApiKey { get; set; }

    public ApiKeyState ApiKeyState { get; set; }

    /// <summary>Last characters of the stored key, so the owner can tell which key is in use.</summary>
    public string? ApiKeyEnding { get; set; }
}

/// <summary>What the configure page may say about a stored API key; the key itself never leaves the server.</summary>
public enum ApiKeyState
{
    None,
    Set,
    /// <summary>Stored, but unreadable (nopCommerce's encryption key changed since, or the value was edited by hand): re-enter it.</summary>
    Unreadable
}
