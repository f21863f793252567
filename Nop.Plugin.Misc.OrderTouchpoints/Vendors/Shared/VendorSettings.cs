using Nop.Core.Configuration;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>Each vendor's slice is its own nopCommerce settings class, so every property can be overridden per store.</summary>
public abstract class VendorSettings : ISettings
{
    public bool Enabled { get; set; }

    /// <summary>The vendor API key, encrypted with nopCommerce's encryption key; never the plain key.</summary>
    public string? ApiKey { get; set; }

    /// <summary>When the vendor was last enabled for the store: reconciliation never reaches back before it.</summary>
    public DateTime? EnabledOnUtc { get; set; }
}
