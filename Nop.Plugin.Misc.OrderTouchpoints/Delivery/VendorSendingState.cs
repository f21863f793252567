namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>Whether the delivery engine currently lets requests go to a vendor.</summary>
public enum VendorSendingState
{
    Sending,
    /// <summary>The vendor failed repeatedly: requests are held back until the pause ends.</summary>
    Paused,
    /// <summary>The pause ended: one trial request decides whether sending resumes.</summary>
    Probing
}

/// <summary>The delivery engine's current pause or probe state per vendor, as this application instance sees it.</summary>
public interface IVendorSendingStates
{
    VendorSendingState StateOf(TouchpointVendor vendor);
}
