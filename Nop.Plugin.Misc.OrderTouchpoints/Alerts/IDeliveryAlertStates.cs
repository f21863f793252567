using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Alerts;

/// <summary>
/// When the owner was last alerted about each vendor of a store, shared by every web-farm node. Changed only by
/// compare-and-swap, so of several sweeps that saw the same state and decide to alert (or to announce the recovery), one
/// wins the change and queues the email.
/// </summary>
public interface IDeliveryAlertStates
{
    /// <summary>The vendors of the store whose owner was alerted, with when; a vendor that is fine there is absent.</summary>
    Task<IReadOnlyDictionary<TouchpointVendor, DateTime>> GetAlertedOnUtcAsync(int storeId, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the state to <paramref name="next"/> (null: fine) when it still is <paramref name="seen"/> (null: fine, or never
    /// alerted); true when this call changed it, false when another caller changed it first. <paramref name="seen"/> may be
    /// a time this caller set itself (to give an alert back).
    /// </summary>
    Task<bool> TryChangeAsync(int storeId, TouchpointVendor vendor, DateTime? seen, DateTime? next, CancellationToken cancellationToken);
}
