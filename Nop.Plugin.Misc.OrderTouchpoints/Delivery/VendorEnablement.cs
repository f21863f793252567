using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>When a vendor was switched on for a store (its settings slice's <see cref="VendorSettings.EnabledOnUtc"/>).</summary>
public class VendorEnablement(ISettingService settingService)
{
    public async Task<DateTime?> GetEnabledOnUtcAsync(TouchpointVendor vendor, int storeId)
    {
        VendorSettings? settings = vendor switch
        {
            TouchpointVendor.Transactionale => await settingService.LoadSettingAsync<OrderTouchpointsTransactionaleSettings>(storeId),
            TouchpointVendor.VoyadoEngage => await settingService.LoadSettingAsync<OrderTouchpointsVoyadoSettings>(storeId),
            TouchpointVendor.VtMarketing => await settingService.LoadSettingAsync<OrderTouchpointsVtMarketingSettings>(storeId),
            _ => null
        };
        return settings?.EnabledOnUtc;
    }
}
