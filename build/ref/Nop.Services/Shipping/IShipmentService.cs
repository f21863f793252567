using Nop.Core.Domain.Shipping;
using Nop.Services.Shipping.Tracking;

namespace Nop.Services.Shipping;

public partial interface IShipmentService
{
    Task<IList<Shipment>> GetShipmentsByOrderIdAsync(int orderId, bool? shipped = null, bool? readyForPickup = null, int vendorId = 0);

    Task<IShipmentTracker> GetShipmentTrackerAsync(Shipment shipment);
}
