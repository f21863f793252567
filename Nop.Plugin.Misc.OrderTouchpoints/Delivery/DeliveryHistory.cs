namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>One vendor's deliveries per time bucket (index 0 = oldest), with its oldest waiting row and last delivery.</summary>
public sealed record DeliveryHistory(
    TouchpointVendor Vendor,
    IReadOnlyList<int> Delivered,
    IReadOnlyList<int> Failed,
    IReadOnlyList<int> Waiting,
    DateTime? OldestWaitingCreatedOnUtc,
    DateTime? LastDeliveredOnUtc);
