namespace Nop.Core.Domain.Shipping;

public partial class ShipmentSentEvent
{
    public ShipmentSentEvent(Shipment shipment)
    {
        Shipment = shipment;
    }

    public Shipment Shipment { get; }
}
