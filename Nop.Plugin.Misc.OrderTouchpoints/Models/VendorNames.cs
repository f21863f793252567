using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models;

/// <summary>Vendor names as the vendors write them (brand names, the same in every language).</summary>
public static class VendorNames
{
    public static string Of(TouchpointVendor vendor) => vendor switch
    {
        TouchpointVendor.Transactionale => "Transactionale",
        TouchpointVendor.VoyadoEngage => "Voyado Engage",
        TouchpointVendor.VtMarketing => "VTmarketing",
        _ => vendor.ToString()
    };
}
