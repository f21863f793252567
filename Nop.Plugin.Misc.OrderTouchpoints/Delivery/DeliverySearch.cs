namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>Filters of the admin delivery log; null (or store 0) means "any". Dates compare with the row's creation time.</summary>
public sealed record DeliverySearch(
    int StoreId = 0,
    TouchpointVendor? Vendor = null,
    DeliveryStatus? Status = null,
    TouchpointEvent? Event = null,
    int? OrderId = null,
    DateTime? CreatedFromUtc = null,
    DateTime? CreatedToUtc = null);
