using Nop.Plugin.Misc.OrderTouchpoints.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>What every outbox implementation writes the same way.</summary>
internal static class OutboxRows
{
    public static OrderTouchpointDelivery NewPending(int storeId, int orderId, TouchpointVendor vendor, TouchpointEvent touchpointEvent,
        DateTime eventOccurredOnUtc, long eventSourceId, DateTime nowUtc) => new()
    {
        StoreId = storeId,
        OrderId = orderId,
        Vendor = vendor,
        Event = touchpointEvent,
        EventSourceId = eventSourceId,
        Status = DeliveryStatus.Pending,
        NextAttemptOnUtc = nowUtc,
        CreatedOnUtc = nowUtc,
        EventOccurredOnUtc = eventOccurredOnUtc
    };

    public static string? TrimReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? null : DeliveryOutcome.Trim(reason.Trim());

    /// <summary>The row as the claim under <paramref name="token"/> leaves it: being sent until <paramref name="until"/>, its attempt counted.</summary>
    public static void MarkClaimed(OrderTouchpointDelivery row, Guid token, DateTime nowUtc, DateTime until, string node)
    {
        row.Status = DeliveryStatus.InProgress;
        row.ClaimToken = token;
        row.ClaimExpiresOnUtc = until;
        row.Attempts++;
        row.FirstAttemptOnUtc ??= nowUtc;
        row.VendorKey = null;
        row.SentByNode = node;
    }
}
