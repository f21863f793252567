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

    /// <summary>A row as a claim that took it leaves it: being sent under <paramref name="token"/> until <paramref name="until"/>, its attempt counted.</summary>
    public static OrderTouchpointDelivery Claimed(OrderTouchpointDelivery due, Guid token, DateTime nowUtc, DateTime until, string node)
    {
        var row = Copy(due);
        row.Status = DeliveryStatus.InProgress;
        row.ClaimToken = token;
        row.ClaimExpiresOnUtc = until;
        row.Attempts++;
        row.FirstAttemptOnUtc ??= nowUtc;
        row.VendorKey = null;
        row.SentByNode = node;
        return row;
    }

    public static OrderTouchpointDelivery Copy(OrderTouchpointDelivery row) => new()
    {
        Id = row.Id,
        StoreId = row.StoreId,
        OrderId = row.OrderId,
        VendorId = row.VendorId,
        EventId = row.EventId,
        EventSourceId = row.EventSourceId,
        StatusId = row.StatusId,
        Attempts = row.Attempts,
        FirstAttemptOnUtc = row.FirstAttemptOnUtc,
        VendorKey = row.VendorKey,
        NextAttemptOnUtc = row.NextAttemptOnUtc,
        ClaimToken = row.ClaimToken,
        ClaimExpiresOnUtc = row.ClaimExpiresOnUtc,
        FinishedOnUtc = row.FinishedOnUtc,
        LastHttpStatus = row.LastHttpStatus,
        LastReason = row.LastReason,
        CreatedOnUtc = row.CreatedOnUtc,
        LastAttemptOnUtc = row.LastAttemptOnUtc,
        DeliveredOnUtc = row.DeliveredOnUtc,
        EventOccurredOnUtc = row.EventOccurredOnUtc,
        SentByNode = row.SentByNode,
        DeliveredState = row.DeliveredState
    };
}
