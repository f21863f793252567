using LinqToDB;
using Nop.Core;
using Nop.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Reports;

/// <summary>
/// The admin's reports and resends on the outbox table in the store's database. Times it writes or compares are the
/// database server's by the offset last read (<see cref="DatabaseClock"/>), as the engine's are; without a
/// <paramref name="databaseClock"/> (tests that drive time themselves) the node's own clock is used throughout.
/// </summary>
public partial class DbDeliveryReports(IRepository<OrderTouchpointDelivery> repository, INopDataProvider dataProvider, TimeProvider timeProvider,
    DatabaseClock? databaseClock = null)
    : IDeliveryReports
{
    private const int Pending = (int)DeliveryStatus.Pending;
    private const int InProgress = (int)DeliveryStatus.InProgress;
    private const int Delivered = (int)DeliveryStatus.Delivered;
    private const int Failed = (int)DeliveryStatus.Failed;

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime + NodeToDatabase;

    private TimeSpan NodeToDatabase => databaseClock?.Offset ?? TimeSpan.Zero;

    private async Task RefreshOffsetAsync(CancellationToken cancellationToken)
    {
        if (databaseClock is not null)
            await databaseClock.OffsetAsync(dataProvider, cancellationToken);
    }

    public async Task<IPagedList<OrderTouchpointDelivery>> SearchAsync(DeliverySearch search, int pageIndex, int pageSize,
        CancellationToken cancellationToken = default)
    {
        var query = repository.Table;
        if (search.StoreId > 0)
            query = query.Where(d => d.StoreId == search.StoreId);
        if (search.Vendor is { } vendor)
            query = query.Where(d => d.VendorId == (int)vendor);
        if (search.Status is { } status)
            query = query.Where(d => d.StatusId == (int)status);
        if (search.Event is { } touchpointEvent)
            query = query.Where(d => d.EventId == (int)touchpointEvent);
        if (search.OrderId is { } orderId)
            query = query.Where(d => d.OrderId == orderId);
        if (search.CreatedFromUtc is { } from)
            query = query.Where(d => d.CreatedOnUtc >= from);
        if (search.CreatedToUtc is { } to)
            query = query.Where(d => d.CreatedOnUtc <= to);
        return await query.OrderByDescending(d => d.CreatedOnUtc).ThenByDescending(d => d.Id).ToPagedListAsync(pageIndex, pageSize);
    }

    public async Task<IReadOnlyDictionary<int, int>> GetOrderIdsAsync(IReadOnlyCollection<int> deliveryIds, CancellationToken cancellationToken = default)
    {
        var orderIds = new Dictionary<int, int>();
        foreach (var chunk in DbDeliveryOutbox.Chunks(deliveryIds))
        {
            foreach (var row in await repository.Table.Where(d => chunk.Contains(d.Id)).Select(d => new { d.Id, d.OrderId }).ToListAsync())
                orderIds[row.Id] = row.OrderId;
        }
        return orderIds;
    }

    public async Task<int> ResendAsync(IReadOnlyCollection<int> deliveryIds, bool includeDelivered, CancellationToken cancellationToken = default)
    {
        var resent = 0;
        // The status is checked in the UPDATE itself: a row the dispatcher delivers between the admin's click and this
        // statement (a double click, a second node) is not sent twice.
        foreach (var chunk in DbDeliveryOutbox.Chunks(deliveryIds))
            resent += await Resend(repository.Table.Where(d => chunk.Contains(d.Id) && d.StatusId != InProgress && (includeDelivered || d.StatusId != Delivered)),
                cancellationToken);
        return resent;
    }

    public Task<int> ResendFailedSinceAsync(DateTime failedSinceUtc, int storeId = 0, TouchpointVendor? vendor = null,
        CancellationToken cancellationToken = default)
    {
        var query = repository.Table.Where(d => d.StatusId == Failed && d.FinishedOnUtc >= failedSinceUtc
            && d.DeliveredState == null && (d.LastReason == null || !d.LastReason.StartsWith(UnknownOutcome.ReasonPrefix)));
        if (storeId > 0)
            query = query.Where(d => d.StoreId == storeId);
        if (vendor is { } only)
            query = query.Where(d => d.VendorId == (int)only);
        return Resend(query, cancellationToken);
    }

    private Task<int> Resend(IQueryable<OrderTouchpointDelivery> rows, CancellationToken cancellationToken) =>
        rows.Set(d => d.StatusId, Pending)
            .Set(d => d.NextAttemptOnUtc, Now)
            .Set(d => d.Attempts, 0)
            .Set(d => d.FirstAttemptOnUtc, (DateTime?)null)
            .Set(d => d.FinishedOnUtc, (DateTime?)null)
            .Set(d => d.VendorKey, (string?)null)
            .Set(d => d.ClaimToken, (Guid?)null)
            .Set(d => d.ClaimExpiresOnUtc, (DateTime?)null)
            .Set(d => d.DeliveredOnUtc, (DateTime?)null)
            .Set(d => d.DeliveredState, (string?)null)
            .UpdateAsync(cancellationToken);

    public async Task<IReadOnlyList<VendorHealth>> GetVendorHealthAsync(int storeId = 0, CancellationToken cancellationToken = default)
    {
        var since = Now.AddHours(-24);
        var rows = storeId > 0 ? repository.Table.Where(d => d.StoreId == storeId) : repository.Table;
        var waiting = await CountByVendor(rows.Where(d => d.StatusId == Pending || d.StatusId == InProgress), cancellationToken);
        var delivered = await CountByVendor(rows.Where(d => d.StatusId == Delivered && d.FinishedOnUtc >= since), cancellationToken);
        var failed = await CountByVendor(rows.Where(d => d.StatusId == Failed && d.FinishedOnUtc >= since), cancellationToken);

        var health = new List<VendorHealth>();
        foreach (var vendor in Enum.GetValues<TouchpointVendor>())
        {
            var vendorId = (int)vendor;
            // Newest first on the finished index: stops at the vendor's latest delivered row.
            var lastDelivered = (await ListAsync(rows
                .Where(d => d.StatusId == Delivered && d.VendorId == vendorId)
                .OrderByDescending(d => d.FinishedOnUtc)
                .Select(d => d.DeliveredOnUtc)
                .Take(1), cancellationToken)).FirstOrDefault();
            health.Add(new VendorHealth(vendor, waiting.GetValueOrDefault(vendorId), delivered.GetValueOrDefault(vendorId),
                failed.GetValueOrDefault(vendorId), lastDelivered));
        }
        return health;
    }

    private static async Task<Dictionary<int, int>> CountByVendor(IQueryable<OrderTouchpointDelivery> rows, CancellationToken cancellationToken) =>
        (await ListAsync(rows.GroupBy(d => d.VendorId).Select(g => new { VendorId = g.Key, Count = g.Count() }), cancellationToken))
        .ToDictionary(c => c.VendorId, c => c.Count);
}
