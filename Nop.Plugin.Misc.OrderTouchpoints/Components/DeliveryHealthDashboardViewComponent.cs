using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.OrderTouchpoints.Models;
using Nop.Services.Security;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Misc.OrderTouchpoints.Components;

/// <summary>
/// The small delivery-health card on the admin dashboard (all stores, last 24 hours). nopCommerce renders
/// admin widget zones for every admin, so the card checks the plugin's permission itself.
/// </summary>
public class DeliveryHealthDashboardViewComponent(IPermissionService permissionService, DeliveryHealthModelFactory healthModelFactory)
    : NopViewComponent
{
    public const string ViewPath = "~/Plugins/Misc.OrderTouchpoints/Views/_DashboardHealth.cshtml";

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        if (!await permissionService.AuthorizeAsync(StandardPermission.Configuration.MANAGE_PLUGINS))
            return Content(string.Empty);
        return View(ViewPath, await healthModelFactory.PrepareAsync(DeliveryHealthPeriod.Hours, 0, HttpContext?.RequestAborted ?? default));
    }
}
