using Nop.Core.Domain.Orders;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

/// <summary><c>generic.status</c> for a nopCommerce order status, as the store owner named it in the settings.</summary>
public static class VtMarketingOrderStatuses
{
    /// <summary>The mapped status, or null (key left out) when the setting is blank.</summary>
    public static string? For(OrderTouchpointsVtMarketingSettings settings, OrderStatus status)
    {
        var mapped = status switch
        {
            OrderStatus.Pending => settings.PendingOrderStatus,
            OrderStatus.Processing => settings.ProcessingOrderStatus,
            OrderStatus.Complete => settings.CompleteOrderStatus,
            OrderStatus.Cancelled => settings.CancelledOrderStatus,
            _ => null
        };
        return string.IsNullOrWhiteSpace(mapped) ? null : mapped.Trim();
    }
}
