using Nop.Core;

namespace Nop.Plugin.Misc.OrderTouchpoints.Data;

/// <summary>
/// When the owner was last alerted about a vendor's deliveries in a store; null while that vendor is fine there. One row per
/// store and vendor (a unique key), so the alert sweeps of all web-farm nodes change it by compare-and-swap: the node whose
/// conditional UPDATE (or the first INSERT) changed the row queues the email, the others queue nothing.
/// </summary>
public class OrderTouchpointAlertState : BaseEntity
{
    public int StoreId { get; set; }

    public int VendorId { get; set; }

    public DateTime? AlertedOnUtc { get; set; }
}
