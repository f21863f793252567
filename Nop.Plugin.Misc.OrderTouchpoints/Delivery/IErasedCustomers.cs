using System.Globalization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The customers nopCommerce erased (GDPR). Nothing about them leaves the store: later events are skipped, each send checks
/// again, resends are refused and the reconciliation queues none of their orders.
/// </summary>
public interface IErasedCustomers
{
    /// <summary>Remembers the erase; a repeated erase keeps the first time. Returns the time remembered.</summary>
    Task<DateTime> RecordAsync(int customerId, DateTime erasedOnUtc, CancellationToken cancellationToken = default);

    /// <summary>When the customer was erased, or null.</summary>
    Task<DateTime?> ErasedOnUtcAsync(int customerId, CancellationToken cancellationToken = default);

    /// <summary>Of these customers, the erased ones with when they were erased.</summary>
    Task<IReadOnlyDictionary<int, DateTime>> ErasedAmongAsync(IReadOnlyCollection<int> customerIds, CancellationToken cancellationToken = default);

    /// <summary>Learns the erases any node recorded since the last refresh.</summary>
    Task RefreshAsync(CancellationToken cancellationToken = default);

    /// <summary>When this order's customer was erased, as of the last <see cref="RefreshAsync"/>; null also for a missing order.</summary>
    Task<DateTime?> ErasedOnUtcOfOrderAsync(int orderId, CancellationToken cancellationToken = default);
}

/// <summary>What the owner reads on a delivery of an erased customer: the date, never who it was.</summary>
public static class ErasedCustomerReasons
{
    public static string NothingSent(DateTime erasedOnUtc) => string.Create(CultureInfo.InvariantCulture,
        $"The customer was erased (GDPR) on {erasedOnUtc:yyyy-MM-dd HH:mm} UTC; nothing about them or their orders is sent.");
}
