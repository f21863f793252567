using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.DeliveryLog;

/// <summary>One row of the delivery log grid; times are in the admin's time zone.</summary>
public record DeliveryLogRowModel : BaseNopModel
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    /// <summary>The order's custom number, or its id when the order is gone.</summary>
    public string OrderNumber { get; set; } = string.Empty;

    public string StoreName { get; set; } = string.Empty;

    public string VendorName { get; set; } = string.Empty;

    public string EventName { get; set; } = string.Empty;

    public string StatusName { get; set; } = string.Empty;

    public int Attempts { get; set; }

    public int? LastHttpStatus { get; set; }

    public string? LastReason { get; set; }

    public DateTime CreatedOn { get; set; }

    public DateTime? LastAttemptOn { get; set; }

    public DateTime? DeliveredOn { get; set; }

    /// <summary>The web-farm node (machine:process) that made the last attempt; none before the first.</summary>
    public string? SentByNode { get; set; }
}

/// <summary>One page of the delivery log as the DataTables grid reads it.</summary>
public record DeliveryLogListModel : BasePagedListModel<DeliveryLogRowModel>;
