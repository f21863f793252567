using System.Globalization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The customers nopCommerce erased (GDPR), as the store's database remembers them
/// (<see cref="Data.OrderTouchpointErasedCustomer"/> says why a table). Once erased, nothing about a customer or their
/// orders leaves the store: the event consumer records later events as skipped, the dispatcher checks again before each
/// send (against the erases known at its claim), resends of their deliveries are refused and the reconciliation queues
/// none of their orders.
/// </summary>
public interface IErasedCustomers
{
    /// <summary>Remembers the erase; a repeated erase keeps the first time. Returns the time remembered.</summary>
    Task<DateTime> RecordAsync(int customerId, DateTime erasedOnUtc, CancellationToken cancellationToken = default);

    /// <summary>When the customer was erased, or null.</summary>
    Task<DateTime?> ErasedOnUtcAsync(int customerId, CancellationToken cancellationToken = default);

    /// <summary>Of these customers, the erased ones with when they were erased.</summary>
    Task<IReadOnlyDictionary<int, DateTime>> ErasedAmongAsync(IReadOnlyCollection<int> customerIds, CancellationToken cancellationToken = default);

    /// <summary>Learns the erases recorded since the last refresh, by any node (the dispatcher's, before each claim).</summary>
    Task RefreshAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// When the customer of this order was erased, or null (also for an order that no longer exists), as of the last
    /// <see cref="RefreshAsync"/> and this process's own erases.
    /// </summary>
    Task<DateTime?> ErasedOnUtcOfOrderAsync(int orderId, CancellationToken cancellationToken = default);
}

/// <summary>What the owner reads on a delivery of an erased customer: the date, never who it was.</summary>
public static class ErasedCustomerReasons
{
    public static string NothingSent(DateTime erasedOnUtc) => string.Create(CultureInfo.InvariantCulture,
        $"The customer was erased (GDPR) on {erasedOnUtc:yyyy-MM-dd HH:mm} UTC; nothing about them or their orders is sent.");
}
