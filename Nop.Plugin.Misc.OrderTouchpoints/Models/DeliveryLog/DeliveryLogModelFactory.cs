using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core;
using Nop.Core.Domain.Common;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Localization;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Orders;
using Nop.Services.Stores;
using Nop.Web.Framework.Models.Extensions;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.DeliveryLog;

/// <summary>The delivery log page and its grid: filters to an outbox search, rows in the admin's language and time zone.</summary>
public class DeliveryLogModelFactory(
    IDeliveryReports reports,
    IOrderService orderService,
    IStoreService storeService,
    IDateTimeHelper dateTimeHelper,
    ILocalizationService localizationService,
    AdminAreaSettings adminAreaSettings,
    RegisteredVendors vendors)
{
    /// <summary>
    /// Fills the filters' lists into <paramref name="model"/>. The store list, the one read from the database, comes
    /// last: when that read fails, the caller still has every other list (and the store filter offers "All").
    /// </summary>
    public async Task<DeliveryLogSearchModel> PrepareSearchModelAsync(DeliveryLogSearchModel model)
    {
        model.SetGridPageSize(adminAreaSettings.DefaultGridPageSize, adminAreaSettings.GridPageSizes);
        var any = await localizationService.GetResourceAsync("Admin.Common.All");
        model.AvailableVendors = [new SelectListItem(any, "0"), .. vendors.All.Select(v => new SelectListItem(v.Name, ((int)v.Vendor).ToString()))];
        model.AvailableStatuses = [new SelectListItem(any, "0")];
        foreach (var status in Enum.GetValues<DeliveryStatus>())
            model.AvailableStatuses.Add(new SelectListItem(await localizationService.GetResourceAsync(LocaleResources.KeyOf(status)), ((int)status).ToString()));
        model.AvailableEvents = [new SelectListItem(any, "0")];
        foreach (var touchpointEvent in Enum.GetValues<TouchpointEvent>())
            model.AvailableEvents.Add(new SelectListItem(await localizationService.GetResourceAsync(LocaleResources.KeyOf(touchpointEvent)), ((int)touchpointEvent).ToString()));
        model.AvailableStores = [new SelectListItem(any, "0")];
        foreach (var store in await storeService.GetAllStoresAsync())
            model.AvailableStores.Add(new SelectListItem(store.Name, store.Id.ToString()));
        return model;
    }

    public async Task<DeliveryLogListModel> PrepareListModelAsync(DeliveryLogSearchModel search, CancellationToken cancellationToken)
    {
        var filter = await ToFilterAsync(search);
        if (filter is null)
            return await new DeliveryLogListModel().PrepareToGridAsync<DeliveryLogListModel, DeliveryLogRowModel, OrderTouchpointDelivery>(search, null, NoRows);

        var page = await reports.SearchAsync(filter, search.Page - 1, search.PageSize, cancellationToken);
        var orderNumbers = page.Count == 0 ? new Dictionary<int, string>()
            : (await orderService.GetOrdersByIdsAsync(page.Select(d => d.OrderId).Distinct().ToArray())).ToDictionary(o => o.Id, o => o.CustomOrderNumber);
        var storeNames = (await storeService.GetAllStoresAsync()).ToDictionary(s => s.Id, s => s.Name);
        return await new DeliveryLogListModel().PrepareToGridAsync(search, page, () => RowsAsync(page, orderNumbers, storeNames));
    }

    /// <summary>The outbox filter; null when an order number was given that no order has (nothing can match).</summary>
    public async Task<DeliverySearch?> ToFilterAsync(DeliveryLogSearchModel search)
    {
        int? orderId = null;
        if (!string.IsNullOrWhiteSpace(search.SearchOrderNumber))
        {
            var order = await orderService.GetOrderByCustomOrderNumberAsync(search.SearchOrderNumber.Trim());
            if (order is null)
                return null;
            orderId = order.Id;
        }
        return new DeliverySearch(
            StoreId: Math.Max(0, search.SearchStoreId),
            Vendor: Defined<TouchpointVendor>(search.SearchVendorId),
            Status: Defined<DeliveryStatus>(search.SearchStatusId),
            Event: Defined<TouchpointEvent>(search.SearchEventId),
            OrderId: orderId,
            CreatedFromUtc: search.SearchCreatedFrom is { } from ? await ToUtcAsync(from.Date) : null,
            // "to" a day means up to the end of that day, as nopCommerce's own order search reads it.
            CreatedToUtc: search.SearchCreatedTo is { } to ? (await ToUtcAsync(to.Date)).AddDays(1) : null);
    }

    /// <summary>A date and time the admin typed, read in the admin's time zone.</summary>
    public async Task<DateTime> ToUtcAsync(DateTime adminTime) =>
        dateTimeHelper.ConvertToUtcTime(DateTime.SpecifyKind(adminTime, DateTimeKind.Unspecified), await dateTimeHelper.GetCurrentTimeZoneAsync());

    public static TEnum? Defined<TEnum>(int id) where TEnum : struct, Enum =>
        Enum.IsDefined(typeof(TEnum), id) ? (TEnum)Enum.ToObject(typeof(TEnum), id) : null;

#pragma warning disable CS1998 // an empty async iterator has nothing to await
    private static async IAsyncEnumerable<DeliveryLogRowModel> NoRows()
    {
        yield break;
    }
#pragma warning restore CS1998

    private async IAsyncEnumerable<DeliveryLogRowModel> RowsAsync(IPagedList<OrderTouchpointDelivery> page,
        Dictionary<int, string> orderNumbers, Dictionary<int, string> storeNames)
    {
        foreach (var delivery in page)
        {
            yield return new DeliveryLogRowModel
            {
                Id = delivery.Id,
                OrderId = delivery.OrderId,
                OrderNumber = orderNumbers.GetValueOrDefault(delivery.OrderId) ?? delivery.OrderId.ToString(),
                StoreName = storeNames.GetValueOrDefault(delivery.StoreId) ?? delivery.StoreId.ToString(),
                VendorName = vendors.Of(delivery.Vendor).Name,
                EventName = await localizationService.GetResourceAsync(LocaleResources.KeyOf(delivery.Event)),
                StatusName = await localizationService.GetResourceAsync(LocaleResources.KeyOf(delivery.Status)),
                Attempts = delivery.Attempts,
                LastHttpStatus = delivery.LastHttpStatus,
                LastReason = delivery.LastReason,
                CreatedOn = await dateTimeHelper.ConvertToUserTimeAsync(delivery.CreatedOnUtc, DateTimeKind.Utc),
                LastAttemptOn = delivery.LastAttemptOnUtc is { } attempted ? await dateTimeHelper.ConvertToUserTimeAsync(attempted, DateTimeKind.Utc) : null,
                DeliveredOn = delivery.DeliveredOnUtc is { } delivered ? await dateTimeHelper.ConvertToUserTimeAsync(delivered, DateTimeKind.Utc) : null,
                SentByNode = delivery.SentByNode
            };
        }
    }
}
