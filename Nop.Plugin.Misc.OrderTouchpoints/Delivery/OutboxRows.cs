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

    /// <summary>
    /// Results written together, grouped by what they write: the claim token (a claim batch shares one) and every
    /// stored value, so each group is one conditional UPDATE over its ids. A finished row's times are its group's
    /// latest result time (results of one batch finished while the previous batch was written, milliseconds apart),
    /// so a batch's deliveries share one group; a retry keeps its own attempt time and due time.
    /// </summary>
    public static IEnumerable<(AttemptResult Values, List<int> Ids)> WriteGroups(IEnumerable<AttemptResult> results) =>
        results.GroupBy(r => r.Status == DeliveryStatus.Pending
                ? r with { DeliveryId = 0, Reason = TrimReason(r.Reason) }
                : r with { DeliveryId = 0, Reason = TrimReason(r.Reason), AttemptedOnUtc = default, NextAttemptOnUtc = default })
            .Select(group =>
            {
                var latest = group.Max(r => r.AttemptedOnUtc);
                var values = group.Key.Status == DeliveryStatus.Pending ? group.Key : group.Key with { AttemptedOnUtc = latest, NextAttemptOnUtc = latest };
                return (values, group.Select(r => r.DeliveryId).Distinct().ToList());
            });

    public static string? TrimReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? null : DeliveryOutcome.Trim(reason.Trim());

    /// <summary>A due row as a claim that took it leaves it: queued to send under <paramref name="token"/> until <paramref name="until"/>.</summary>
    public static OrderTouchpointDelivery Claimed(OrderTouchpointDelivery due, Guid token, DateTime until)
    {
        var row = Copy(due);
        row.Status = DeliveryStatus.Claimed;
        row.ClaimToken = token;
        row.ClaimExpiresOnUtc = until;
        row.VendorKey = null;
        return row;
    }

    /// <summary>A claimed row as a start that moved it leaves it: in progress until <paramref name="until"/>, its attempt counted.</summary>
    public static OrderTouchpointDelivery Started(OrderTouchpointDelivery claimed, DateTime nowUtc, DateTime until)
    {
        var row = Copy(claimed);
        row.Status = DeliveryStatus.InProgress;
        row.ClaimExpiresOnUtc = until;
        row.Attempts++;
        row.FirstAttemptOnUtc ??= nowUtc;
        row.VendorKey = null;
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
        DeliveredState = row.DeliveredState
    };
}
