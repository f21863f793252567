namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>What is wrong with one vendor's deliveries for one store: recent failures and rows waiting too long.</summary>
public sealed record DeliveryTrouble(
    int StoreId,
    TouchpointVendor Vendor,
    int FailedCount,
    string? FirstFailureReason,
    int OverdueCount,
    DateTime? OldestWaitingCreatedOnUtc);
