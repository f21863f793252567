namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>The delivery engine's current pause or probe state per vendor, as this application instance sees it.</summary>
public interface IVendorSendingStates
{
    VendorSendingState StateOf(TouchpointVendor vendor);
}
