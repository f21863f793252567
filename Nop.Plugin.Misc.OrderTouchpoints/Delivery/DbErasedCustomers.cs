using LinqToDB;
using Microsoft.Extensions.DependencyInjection;
using Nop.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>The erased customers in the store's database (a unique index on the customer id).</summary>
// The order reader is resolved on use: the drain scope only refreshes the list.
public class DbErasedCustomers(IRepository<OrderTouchpointErasedCustomer> repository, IServiceProvider services, KnownErasures known)
    : IErasedCustomers
{
    public async Task<DateTime> RecordAsync(int customerId, DateTime erasedOnUtc, CancellationToken cancellationToken = default)
    {
        var recorded = await RecordOnceAsync(customerId, erasedOnUtc, cancellationToken);
        known.Add(customerId, recorded);
        return recorded;
    }

    private async Task<DateTime> RecordOnceAsync(int customerId, DateTime erasedOnUtc, CancellationToken cancellationToken)
    {
        if (await ErasedOnUtcAsync(customerId, cancellationToken) is { } earlier)
            return earlier;
        try
        {
            await repository.InsertAsync(new OrderTouchpointErasedCustomer { CustomerId = customerId, ErasedOnUtc = erasedOnUtc }, publishEvent: false);
            return erasedOnUtc;
        }
        catch (Exception)
        {
            // Two nodes handled the same erase: the unique index kept one row, which is all that matters.
            if (await ErasedOnUtcAsync(customerId, CancellationToken.None) is { } recorded)
                return recorded;
            throw;
        }
    }

    public async Task<DateTime?> ErasedOnUtcAsync(int customerId, CancellationToken cancellationToken = default) =>
        (await repository.Table.Where(e => e.CustomerId == customerId).Select(e => (DateTime?)e.ErasedOnUtc).Take(1).ToListAsync())
        .FirstOrDefault();

    public async Task<IReadOnlyDictionary<int, DateTime>> ErasedAmongAsync(IReadOnlyCollection<int> customerIds, CancellationToken cancellationToken = default)
    {
        var erased = new Dictionary<int, DateTime>();
        foreach (var chunk in DbDeliveryOutbox.Chunks(customerIds))
        {
            foreach (var row in await repository.Table.Where(e => chunk.Contains(e.CustomerId)).ToListAsync())
                erased[row.CustomerId] = row.ErasedOnUtc;
        }
        return erased;
    }

    public Task RefreshAsync(CancellationToken cancellationToken = default) =>
        known.RefreshAsync((afterId, _) => repository.Table.Where(e => e.Id > afterId).ToListAsync(), cancellationToken);

    // The scope's order read, which the dispatcher shares with the order event's sends: the check costs no read of its own.
    public async Task<DateTime?> ErasedOnUtcOfOrderAsync(int orderId, CancellationToken cancellationToken = default) =>
        await services.GetRequiredService<OrderDataLoader>().LoadRowsAsync(orderId) is { } rows ? known.ErasedOnUtc(rows.Order.CustomerId) : null;
}
