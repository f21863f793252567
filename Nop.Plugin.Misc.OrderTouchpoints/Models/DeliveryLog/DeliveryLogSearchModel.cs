using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Health;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.DeliveryLog;

/// <summary>The delivery log page: the grid's filters (0 / empty = any) and the resend-failed form.</summary>
public record DeliveryLogSearchModel : BaseSearchModel
{
    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.DeliveryLog.SearchStore")]
    public int SearchStoreId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.DeliveryLog.SearchVendor")]
    public int SearchVendorId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.DeliveryLog.SearchStatus")]
    public int SearchStatusId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.DeliveryLog.SearchEvent")]
    public int SearchEventId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.DeliveryLog.SearchOrderNumber")]
    public string? SearchOrderNumber { get; set; }

    /// <summary>In the admin's time zone, like every date the admin types.</summary>
    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.DeliveryLog.SearchCreatedFrom")]
    [UIHint("DateNullable")]
    public DateTime? SearchCreatedFrom { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.DeliveryLog.SearchCreatedTo")]
    [UIHint("DateNullable")]
    public DateTime? SearchCreatedTo { get; set; }

    public IList<SelectListItem> AvailableStores { get; set; } = [];

    public IList<SelectListItem> AvailableVendors { get; set; } = [];

    public IList<SelectListItem> AvailableStatuses { get; set; } = [];

    public IList<SelectListItem> AvailableEvents { get; set; } = [];

    public ResendFailedModel ResendFailed { get; set; } = new();

    /// <summary>The health view the page opens with, for the store filter it opened with.</summary>
    public DeliveryHealthModel Health { get; set; } = new();
}
