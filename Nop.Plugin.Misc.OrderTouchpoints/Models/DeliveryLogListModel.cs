using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models;

/// <summary>One page of the delivery log as the DataTables grid reads it.</summary>
public record DeliveryLogListModel : BasePagedListModel<DeliveryLogRowModel>;
