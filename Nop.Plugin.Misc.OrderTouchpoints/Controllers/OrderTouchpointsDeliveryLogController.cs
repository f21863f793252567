using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Models;
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
    public const string FiltersUnavailableResource = "Plugins.Misc.OrderTouchpoints.DeliveryLog.FiltersUnavailable";
    public const string GridUnavailableResource = "Plugins.Misc.OrderTouchpoints.DeliveryLog.GridUnavailable";
    public const string ResendSelectedNotQueuedResource = "Plugins.Misc.OrderTouchpoints.DeliveryLog.ResendSelected.NotQueued";
    public const string ResendFailedNotQueuedResource = "Plugins.Misc.OrderTouchpoints.DeliveryLog.ResendFailed.NotQueued";

    /// <summary>
    /// The page opens with the health view (24 hours per hour, or <paramref name="period"/> = Days) and the
    /// grid filtered as a link asks (an alert email links to one store's and vendor's failures). A resend of
    /// failed deliveries that could not be done comes back here with its form filled in (<paramref name="resendFailed"/>).
    /// </summary>
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> List(DeliveryHealthPeriod period = DeliveryHealthPeriod.Hours, int storeId = 0, int vendorId = 0,
        int statusId = 0, [Bind(Prefix = nameof(DeliveryLogSearchModel.ResendFailed))] ResendFailedModel? resendFailed = null,
        CancellationToken cancellationToken = default)
    {
        var model = new DeliveryLogSearchModel
        {
            SearchStoreId = Math.Max(0, storeId),
            SearchVendorId = DeliveryLogModelFactory.Defined<TouchpointVendor>(vendorId) is null ? 0 : vendorId,
            SearchStatusId = DeliveryLogModelFactory.Defined<DeliveryStatus>(statusId) is null ? 0 : statusId,
            ResendFailed = resendFailed ?? new ResendFailedModel()
        };
        try
        {
            await deliveryLogModelFactory.PrepareSearchModelAsync(model);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The model keeps the lists filled before the failure (the store list, read from the database, comes last);
            // the grid reads the deliveries itself, so the log still shows.
            await AdminFailureLog.WriteAsync(logger, "the delivery log's filter lists could not be loaded", exception);
            notificationService.ErrorNotification(await AdminFailureLog.OwnerTextAsync(localizationService, FiltersUnavailableResource, exception));
        }
        var shownPeriod = Enum.IsDefined(period) ? period : DeliveryHealthPeriod.Hours;
        try
        {
            model.Health = await deliveryHealthModelFactory.PrepareAsync(shownPeriod, model.SearchStoreId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The log below the health view is what the owner needs to act on: it still shows.
            await AdminFailureLog.WriteAsync(logger, $"the delivery health view of store {model.SearchStoreId} could not be loaded", exception);
            notificationService.ErrorNotification(await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Health.Unavailable"));
            model.Health = new DeliveryHealthModel { Period = shownPeriod, StoreId = model.SearchStoreId };
        }
        return View(ViewPath, model);
    }

    /// <summary>One page of the grid (DataTables posts the filters and paging).</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> DeliveryList(DeliveryLogSearchModel searchModel, CancellationToken cancellationToken)
    {
        try
        {
            return Json(await deliveryLogModelFactory.PrepareListModelAsync(searchModel, cancellationToken));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await AdminFailureLog.WriteAsync(logger, "the delivery log's grid could not be read", exception);
            // DataTables shows "error" to the admin (nopCommerce's ErrorJson shape) and still draws the answer: an empty
            // page, not the previous rows as if they matched the new search.
            return Json(new
            {
                draw = searchModel.Draw,
                recordsTotal = 0,
                recordsFiltered = 0,
                Data = Array.Empty<DeliveryLogRowModel>(),
                error = await AdminFailureLog.OwnerTextAsync(localizationService, GridUnavailableResource, exception)
            });
        }
    }

    /// <summary>
    /// The rows ticked in the grid; 204 when none is (the page then says "nothing selected", as nopCommerce grids do).
    /// Rows of a customer erased (GDPR) are refused; delivered rows are sent again only when the owner ticked
    /// <paramref name="includeDelivered"/> and confirmed the second mail; rows being sent are left alone. <c>Message</c> says
    /// which were not resent and why.
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> ResendSelected(ICollection<int>? selectedIds, bool includeDelivered = false, CancellationToken cancellationToken = default)
    {
        if (selectedIds is null || selectedIds.Count == 0)
            return NoContent();
        ResendResult result;
        try
        {
            result = await deliveryResends.ResendAsync(selectedIds.Distinct().ToList(), includeDelivered, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The page shows Message and refreshes the grid, which then shows each row's actual state.
            await AdminFailureLog.WriteAsync(logger, $"{selectedIds.Count} selected deliveries could not be queued again", exception);
            return Json(new { Result = false, Count = 0, Refused = 0, Message = await AdminFailureLog.OwnerTextAsync(localizationService, ResendSelectedNotQueuedResource, exception) });
        }
        if (result.Resent > 0)
            deliverySignal.Raise();
        var notes = new List<string>();
        if (result.RefusedErased > 0)
            notes.Add(string.Format(await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.DeliveryLog.ResendSelected.ErasedRefused"), result.RefusedErased));
        if (result.LeftAlone > 0)
        {
            notes.Add(string.Format(await localizationService.GetResourceAsync(includeDelivered
                ? "Plugins.Misc.OrderTouchpoints.DeliveryLog.ResendSelected.BeingSent"
                : "Plugins.Misc.OrderTouchpoints.DeliveryLog.ResendSelected.DeliveredOrBeingSent"), result.LeftAlone));
        }
        return Json(new { Result = true, Count = result.Resent, Refused = result.RefusedErased, Left = result.LeftAlone,
            Message = notes.Count > 0 ? string.Join(" ", notes) : null });
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
        var storeId = Math.Max(0, model.StoreId);
        var vendor = DeliveryLogModelFactory.Defined<TouchpointVendor>(model.VendorId);
        int count;
        try
        {
            count = await reports.ResendFailedSinceAsync(await deliveryLogModelFactory.ToUtcAsync(since), storeId, vendor, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await AdminFailureLog.WriteAsync(logger, $"the failed deliveries of store {storeId}, vendor {vendor?.ToString() ?? "any"} could not be queued again", exception);
            notificationService.ErrorNotification(await AdminFailureLog.OwnerTextAsync(localizationService, ResendFailedNotQueuedResource, exception));
            // Back to the log with the form filled in as posted, ready for another try.
            return RedirectToAction(nameof(List), new RouteValueDictionary
            {
                [ResendFailedField(nameof(ResendFailedModel.FailedSince))] = since,
                [ResendFailedField(nameof(ResendFailedModel.StoreId))] = model.StoreId,
                [ResendFailedField(nameof(ResendFailedModel.VendorId))] = model.VendorId
            });
        }
        if (count > 0)
            deliverySignal.Raise();
        notificationService.SuccessNotification(string.Format(
            await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.DeliveryLog.ResendFailed.Done"), count));
        return RedirectToAction(nameof(List));
    }

    private static string ResendFailedField(string property) => $"{nameof(DeliveryLogSearchModel.ResendFailed)}.{property}";
}
