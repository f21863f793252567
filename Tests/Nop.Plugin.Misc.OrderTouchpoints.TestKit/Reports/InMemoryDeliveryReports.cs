using Nop.Core;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Reports;

/// <summary>
/// The admin's reports and resends over an <see cref="InMemoryDeliveryOutbox"/>'s rows, on its clock: the database
/// reports' counts, counted in memory, always live (it keeps no hourly counts; a bar is then what the rows of that hour are now).
/// </summary>
public sealed class InMemoryDeliveryReports(InMemoryDeliveryOutbox outbox) : IDeliveryReports
{
    public Task<IPagedList<OrderTouchpointDelivery>> SearchAsync(DeliverySearch search, int pageIndex, int pageSize,
        CancellationToken cancellationToken = default)
    {
        var matching = outbox.Read(rows => rows.Values
            .Where(r => search.StoreId <= 0 || r.StoreId == search.StoreId)
            .Where(r => search.Vendor is null || r.Vendor == search.Vendor)
            .Where(r => search.Status is null || r.Status == search.Status)
            .Where(r => search.Event is null || r.Event == search.Event)
            .Where(r => search.OrderId is null || r.OrderId == search.OrderId)
            .Where(r => search.CreatedFromUtc is null || r.CreatedOnUtc >= search.CreatedFromUtc)
            .Where(r => search.CreatedToUtc is null || r.CreatedOnUtc <= search.CreatedToUtc)
            .OrderByDescending(r => r.CreatedOnUtc).ThenByDescending(r => r.Id)
            .Select(InMemoryDeliveryOutbox.Copy)
            .ToList());
        var size = Math.Max(1, pageSize);
        return Task.FromResult<IPagedList<OrderTouchpointDelivery>>(new TestPagedList<OrderTouchpointDelivery>(
            matching.Skip(pageIndex * size).Take(size), pageIndex, size, matching.Count));
    }

    public Task<IReadOnlyDictionary<int, int>> GetOrderIdsAsync(IReadOnlyCollection<int> deliveryIds, CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<int, int> found = outbox.Read(rows => deliveryIds.Distinct().Where(rows.ContainsKey).ToDictionary(id => id, id => rows[id].OrderId));
        return Task.FromResult(found);
    }

    public Task<int> ResendAsync(IReadOnlyCollection<int> deliveryIds, bool includeDelivered, CancellationToken cancellationToken = default) =>
        Task.FromResult(Resend(r => deliveryIds.Contains(r.Id) && r.Status != DeliveryStatus.InProgress
            && (includeDelivered || r.Status != DeliveryStatus.Delivered)));

    public Task<int> ResendFailedSinceAsync(DateTime failedSinceUtc, int storeId = 0, TouchpointVendor? vendor = null,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(Resend(r => r.Status == DeliveryStatus.Failed && r.FinishedOnUtc >= failedSinceUtc
            && r.DeliveredState is null && !UnknownOutcome.IsReason(r.LastReason)
            && (storeId <= 0 || r.StoreId == storeId) && (vendor is null || r.Vendor == vendor)));

    private int Resend(Func<OrderTouchpointDelivery, bool> which)
    {
        var now = outbox.Now;
        return outbox.Change(which, row =>
        {
            row.Status = DeliveryStatus.Pending;
            row.NextAttemptOnUtc = now;
            row.Attempts = 0;
            row.FirstAttemptOnUtc = null;
            row.VendorKey = null;
            row.ClaimToken = null;
            row.ClaimExpiresOnUtc = null;
            row.FinishedOnUtc = null;
            row.DeliveredOnUtc = null;
            row.DeliveredState = null;
        });
    }

    public Task<IReadOnlyList<VendorHealth>> GetVendorHealthAsync(int storeId = 0, CancellationToken cancellationToken = default)
    {
        var since = outbox.Now.AddHours(-24);
        return Task.FromResult(outbox.Read<IReadOnlyList<VendorHealth>>(all =>
        {
            var rows = all.Values.Where(r => storeId <= 0 || r.StoreId == storeId).ToList();
            return Enum.GetValues<TouchpointVendor>().Select(vendor =>
            {
                var own = rows.Where(r => r.Vendor == vendor).ToList();
                return new VendorHealth(vendor,
                    own.Count(r => r.Status is DeliveryStatus.Pending or DeliveryStatus.InProgress),
                    own.Count(r => r.Status == DeliveryStatus.Delivered && r.FinishedOnUtc >= since),
                    own.Count(r => r.Status == DeliveryStatus.Failed && r.FinishedOnUtc >= since),
                    own.Where(r => r.Status == DeliveryStatus.Delivered).Max(r => r.DeliveredOnUtc));
            }).ToList();
        }));
    }

    public Task<IReadOnlyList<DeliveryHistory>> GetDeliveryHistoryAsync(int storeId, DateTime fromUtc, TimeSpan bucket, int bucketCount,
        CancellationToken cancellationToken = default)
    {
        var boundaries = DeliveryHistogram.Boundaries(fromUtc, bucket, bucketCount);
        return Task.FromResult(outbox.Read(all =>
        {
            var rows = all.Values.Where(r => storeId <= 0 || r.StoreId == storeId).ToList();
            var finished = rows
                .Where(r => r.Status is DeliveryStatus.Delivered or DeliveryStatus.Failed && r.FinishedOnUtc >= fromUtc && r.FinishedOnUtc < boundaries[^1])
                .GroupBy(r => (r.VendorId, r.Status, Bucket: DeliveryHistogram.ClampedBucketOf(r.FinishedOnUtc!.Value, boundaries)))
                .Select(g => new DeliveryHistogram.BucketCount(g.Key.VendorId, g.Key.Status, g.Key.Bucket, g.Count()));
            var waitingRows = rows.Where(r => r.Status < DeliveryStatus.Delivered).ToList();
            var waiting = waitingRows
                .GroupBy(r => (r.VendorId, Bucket: DeliveryHistogram.ClampedBucketOf(r.CreatedOnUtc, boundaries)))
                .Select(g => new DeliveryHistogram.BucketCount(g.Key.VendorId, DeliveryStatus.Pending, g.Key.Bucket, g.Count()));
            var oldestWaiting = waitingRows.GroupBy(r => r.VendorId).ToDictionary(g => g.Key, g => g.Min(r => r.CreatedOnUtc));
            var lastDelivered = rows.Where(r => r is { Status: DeliveryStatus.Delivered, FinishedOnUtc: not null })
                .GroupBy(r => r.VendorId)
                .ToDictionary(g => g.Key, g => g.Max(r => r.FinishedOnUtc!.Value));
            return DeliveryHistogram.Build(bucketCount, finished.Concat(waiting).ToList(), oldestWaiting, lastDelivered);
        }));
    }

    public Task<IReadOnlyList<DeliveryTrouble>> GetDeliveryTroubleAsync(DateTime failedSinceUtc, DateTime waitingCreatedBeforeUtc,
        CancellationToken cancellationToken = default)
    {
        return Task.FromResult(outbox.Read(all =>
        {
            var rows = all.Values;
            var failures = rows
                .Where(r => r.Status == DeliveryStatus.Failed && r.FinishedOnUtc > failedSinceUtc)
                .GroupBy(r => (r.StoreId, r.VendorId))
                .Select(g => new DeliveryTroubleReport.Failures(g.Key.StoreId, g.Key.VendorId, g.Count(),
                    g.OrderBy(r => r.FinishedOnUtc).ThenBy(r => r.Id).First().LastReason))
                .ToList();
            var overdue = rows
                .Where(r => r.Status < DeliveryStatus.Delivered && r.CreatedOnUtc < waitingCreatedBeforeUtc)
                .GroupBy(r => (r.StoreId, r.VendorId))
                .Select(g => new DeliveryTroubleReport.Overdue(g.Key.StoreId, g.Key.VendorId, g.Count(), g.Min(r => r.CreatedOnUtc)))
                .ToList();
            return DeliveryTroubleReport.Combine(failures, overdue);
        }));
    }

    public Task<int> CountFinishedHoursAsync(DateTime keepFromUtc, DateTime closedBeforeUtc, CancellationToken cancellationToken = default) =>
        Task.FromResult(0);
}
