namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>How a vendor's deliveries are doing: waiting now (pending or in progress), and the last 24 hours.</summary>
public sealed record VendorHealth(
    TouchpointVendor Vendor,
    int Waiting,
    int DeliveredLast24Hours,
    int FailedLast24Hours,
    DateTime? LastDeliveredOnUtc);
