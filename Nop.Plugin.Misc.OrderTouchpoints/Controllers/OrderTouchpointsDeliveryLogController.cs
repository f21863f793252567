using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Models.DeliveryLog;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Health;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.OrderTouchpoints.Controllers;

/// <summary>
/// The delivery log: what was sent to which vendor, why something was refused, and resending after the
/// cause is fixed. Resending puts rows back in the outbox and wakes this node's worker: without the wake-up
/// the worker, asleep until its earliest known due row, would leave them to the next sweep minutes later.
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class OrderTouchpointsDeliveryLogController(
    DeliveryLogModelFactory deliveryLogModelFactory,
    DeliveryHealthModelFactory deliveryHealthModelFactory,
    IDeliveryReports reports,
    DeliveryResends deliveryResends,
    DeliverySignal deliverySignal,
    INotificationService notificationService,
    ILocalizationService localizationService,
    ILogger logger) : BasePluginController
{
    public const string ViewPath = "~/Plugins/Misc.OrderTouchpoints/Views/DeliveryLog.cshtml";

    /// <summary>
    /// The page opens with the health view (24 hours per hour, or <paramref name="period"/> = Days) and the
    /// grid filtered as a link asks (an alert email links to one store's and vendor's failures).
    /// </summary>
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> List(DeliveryHealthPeriod period = DeliveryHealthPeriod.Hours, int storeId = 0, int vendorId = 0,
        int statusId = 0, CancellationToken cancellationToken = default)
    {
        var model = await deliveryLogModelFactory.PrepareSearchModelAsync(new DeliveryLogSearchModel
        {
            SearchStoreId = Math.Max(0, storeId),
            SearchVendorId = DeliveryLogModelFactory.Defined<TouchpointVendor>(vendorId) is null ? 0 : vendorId,
            SearchStatusId = DeliveryLogModelFactory.Defined<DeliveryStatus>(statusId) is null ? 0 : statusId
        });
        var shownPeriod = Enum.IsDefined(period) ? period : DeliveryHealthPeriod.Hours;
        try
        {
            model.Health = await deliveryHealthModelFactory.PrepareAsync(shownPeriod, model.SearchStoreId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The log below the health view is what the owner needs to act on: it still shows.
            await logger.ErrorAsync("Order touchpoints: the delivery health view could not be loaded.", exception);
            notificationService.ErrorNotification(await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Health.Unavailable"));
            model.Health = new DeliveryHealthModel { Period = shownPeriod, StoreId = model.SearchStoreId };
        }
        return View(ViewPath, model);
    }

    /// <summary>One page of the grid (DataTables posts the filters and paging).</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> DeliveryList(DeliveryLogSearchModel searchModel, CancellationToken cancellationToken) =>
        Json(await deliveryLogModelFactory.PrepareListModelAsync(searchModel, cancellationToken));

    /// <summary>
    /// The rows ticked in the grid; 204 when none is (the page then says "nothing selected", as nopCommerce grids do).
    /// Rows of a customer erased (GDPR) are refused, and <c>Message</c> tells the admin why.
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> ResendSelected(ICollection<int>? selectedIds, CancellationToken cancellationToken)
    {
        if (selectedIds is null || selectedIds.Count == 0)
            return NoContent();
        var result = await deliveryResends.ResendAsync(selectedIds.Distinct().ToList(), cancellationToken);
        if (result.Resent > 0)
            deliverySignal.Raise();
        var message = result.RefusedErased > 0
            ? string.Format(await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.DeliveryLog.ResendSelected.ErasedRefused"), result.RefusedErased)
            : null;
        return Json(new { Result = true, Count = result.Resent, Refused = result.RefusedErased, Message = message });
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> ResendFailed([Bind(Prefix = nameof(DeliveryLogSearchModel.ResendFailed))] ResendFailedModel model,
        CancellationToken cancellationToken)
    {
        if (model.FailedSince is not { } since)
        {
            notificationService.ErrorNotification(await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.DeliveryLog.ResendFailed.SinceRequired"));
            return RedirectToAction(nameof(List));
        }
        var count = await reports.ResendFailedSinceAsync(await deliveryLogModelFactory.ToUtcAsync(since), Math.Max(0, model.StoreId),
            DeliveryLogModelFactory.Defined<TouchpointVendor>(model.VendorId), cancellationToken);
        if (count > 0)
            deliverySignal.Raise();
        notificationService.SuccessNotification(string.Format(
            await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.DeliveryLog.ResendFailed.Done"), count));
        return RedirectToAction(nameof(List));
    }
}
