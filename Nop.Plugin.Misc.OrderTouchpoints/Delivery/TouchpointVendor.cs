namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>The vendors an order can be delivered to; values are stored in the outbox, never renumber.</summary>
public enum TouchpointVendor
{
    Transactionale = 1,
    VoyadoEngage = 2,
    VtMarketing = 3
}
