using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Nop.Core;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Services.Configuration;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Misc.OrderTouchpoints.Components;

/// <summary>
/// Writes the store's VTmarketing snippet into the page exactly as pasted (it is the store owner's own
/// script; encoding it would break it). Settings are those of the store serving the page.
/// </summary>
public class VtMarketingTrackingScriptViewComponent(IStoreContext storeContext, ISettingService settingService) : NopViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        // nopCommerce renders the component in two zones of every storefront page: one settings load per request.
        if (HttpContext?.Items[typeof(OrderTouchpointsVtMarketingSettings)] is not OrderTouchpointsVtMarketingSettings settings)
        {
            var store = await storeContext.GetCurrentStoreAsync();
            settings = await settingService.LoadSettingAsync<OrderTouchpointsVtMarketingSettings>(store.Id);
            if (HttpContext is { } request)
                request.Items[typeof(OrderTouchpointsVtMarketingSettings)] = settings;
        }
        if (VtMarketingTrackingScriptZone.For(settings) is not { } zone || !zone.Equals(widgetZone, StringComparison.OrdinalIgnoreCase))
            return Content(string.Empty);
        return new HtmlContentViewComponentResult(new HtmlString(settings.TrackingScript + Environment.NewLine));
    }
}
