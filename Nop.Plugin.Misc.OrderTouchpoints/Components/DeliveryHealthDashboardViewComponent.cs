using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.OrderTouchpoints.Models;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Health;
using Nop.Services.Logging;
using Nop.Services.Security;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Misc.OrderTouchpoints.Components;

/// <summary>
/// The small delivery-health card on the admin dashboard (all stores, last 24 hours). nopCommerce renders
/// admin widget zones for every admin, so the card checks the plugin's permission itself.
/// </summary>
public class DeliveryHealthDashboardViewComponent(
    IPermissionService permissionService,
    DeliveryHealthModelFactory healthModelFactory,
    ILogger logger) : NopViewComponent
{
    public const string ViewPath = "~/Plugins/Misc.OrderTouchpoints/Views/_DashboardHealth.cshtml";

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        if (!await permissionService.AuthorizeAsync(StandardPermission.Configuration.MANAGE_PLUGINS))
            return Content(string.Empty);
        DeliveryHealthModel model;
        try
        {
            model = await healthModelFactory.PrepareAsync(DeliveryHealthPeriod.Hours, 0, HttpContext?.RequestAborted ?? default);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The dashboard is every admin's start page: a card that cannot load is left out, never the page.
            await AdminFailureLog.WriteAsync(logger, "the delivery health card could not be loaded", exception);
            return Content(string.Empty);
        }
        return View(ViewPath, model);
    }
}
