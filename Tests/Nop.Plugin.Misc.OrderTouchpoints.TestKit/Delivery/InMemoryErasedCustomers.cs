using System.Collections.Concurrent;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The erased customers in process memory, with the same answers as <see cref="DbErasedCustomers"/>. Orders are mapped
/// to their customers by <paramref name="customerOfOrder"/> (the shop's orders); without it no order has an erased customer.
/// </summary>
public sealed class InMemoryErasedCustomers(Func<int, int?>? customerOfOrder = null) : IErasedCustomers
{
    private readonly ConcurrentDictionary<int, DateTime> _erased = new();

    public Task<DateTime> RecordAsync(int customerId, DateTime erasedOnUtc, CancellationToken cancellationToken = default) =>
        Task.FromResult(_erased.GetOrAdd(customerId, erasedOnUtc));

    public Task<DateTime?> ErasedOnUtcAsync(int customerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_erased.TryGetValue(customerId, out var erasedOn) ? erasedOn : (DateTime?)null);

    public Task<IReadOnlyDictionary<int, DateTime>> ErasedAmongAsync(IReadOnlyCollection<int> customerIds, CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<int, DateTime> found = customerIds.Distinct().Where(_erased.ContainsKey).ToDictionary(id => id, id => _erased[id]);
        return Task.FromResult(found);
    }

    // Process memory is always current.
    public Task RefreshAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<DateTime?> ErasedOnUtcOfOrderAsync(int orderId, CancellationToken cancellationToken = default) =>
        customerOfOrder?.Invoke(orderId) is { } customerId ? ErasedOnUtcAsync(customerId, cancellationToken) : Task.FromResult<DateTime?>(null);
}
