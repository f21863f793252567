namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>Joins failures and overdue waiting rows per store and vendor, the same way for every outbox implementation.</summary>
public static class DeliveryTroubleReport
{
    public readonly record struct Failure(int StoreId, int VendorId, int DeliveryId, DateTime FailedOnUtc, string? Reason);

    public readonly record struct Overdue(int StoreId, int VendorId, int Count, DateTime OldestCreatedOnUtc);

    public static IReadOnlyList<DeliveryTrouble> Combine(IEnumerable<Failure> failures, IEnumerable<Overdue> overdue)
    {
        var failuresByPair = failures.GroupBy(f => (f.StoreId, f.VendorId))
            .ToDictionary(g => g.Key, g => (Count: g.Count(), First: g.OrderBy(f => f.FailedOnUtc).ThenBy(f => f.DeliveryId).First()));
        var overdueByPair = overdue.ToDictionary(o => (o.StoreId, o.VendorId));
        return failuresByPair.Keys.Union(overdueByPair.Keys)
            .Where(pair => Enum.IsDefined(typeof(TouchpointVendor), pair.VendorId))
            .OrderBy(pair => pair.StoreId).ThenBy(pair => pair.VendorId)
            .Select(pair =>
            {
                var hasFailures = failuresByPair.TryGetValue(pair, out var failed);
                var hasOverdue = overdueByPair.TryGetValue(pair, out var waiting);
                return new DeliveryTrouble(pair.StoreId, (TouchpointVendor)pair.VendorId,
                    hasFailures ? failed.Count : 0, hasFailures ? failed.First.Reason : null,
                    hasOverdue ? waiting.Count : 0, hasOverdue ? waiting.OldestCreatedOnUtc : null);
            })
            .ToList();
    }
}
