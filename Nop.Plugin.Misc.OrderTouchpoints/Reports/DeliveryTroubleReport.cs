using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Reports;

/// <summary>What is wrong with one vendor's deliveries for one store: recent failures and rows waiting too long.</summary>
public sealed record DeliveryTrouble(
    int StoreId,
    TouchpointVendor Vendor,
    int FailedCount,
    string? FirstFailureReason,
    int OverdueCount,
    DateTime? OldestWaitingCreatedOnUtc);

/// <summary>Joins failures and overdue waiting rows per store and vendor, the same way for every reports implementation.</summary>
public static class DeliveryTroubleReport
{
    /// <summary>The failures of one store and vendor: how many, and the reason of the earliest one.</summary>
    public readonly record struct Failures(int StoreId, int VendorId, int Count, string? FirstReason);

    public readonly record struct Overdue(int StoreId, int VendorId, int Count, DateTime OldestCreatedOnUtc);

    public static IReadOnlyList<DeliveryTrouble> Combine(IEnumerable<Failures> failures, IEnumerable<Overdue> overdue)
    {
        var failuresByPair = failures.ToDictionary(f => (f.StoreId, f.VendorId));
        var overdueByPair = overdue.ToDictionary(o => (o.StoreId, o.VendorId));
        return failuresByPair.Keys.Union(overdueByPair.Keys)
            .Where(pair => Enum.IsDefined(typeof(TouchpointVendor), pair.VendorId))
            .OrderBy(pair => pair.StoreId).ThenBy(pair => pair.VendorId)
            .Select(pair =>
            {
                var hasFailures = failuresByPair.TryGetValue(pair, out var failed);
                var hasOverdue = overdueByPair.TryGetValue(pair, out var waiting);
                return new DeliveryTrouble(pair.StoreId, (TouchpointVendor)pair.VendorId,
                    hasFailures ? failed.Count : 0, hasFailures ? failed.FirstReason : null,
                    hasOverdue ? waiting.Count : 0, hasOverdue ? waiting.OldestCreatedOnUtc : null);
            })
            .ToList();
    }
}
