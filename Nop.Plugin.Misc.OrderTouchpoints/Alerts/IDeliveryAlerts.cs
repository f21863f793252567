namespace Nop.Plugin.Misc.OrderTouchpoints.Alerts;

/// <summary>Mails the store owner when a vendor's deliveries for a store are in trouble, and when that clears.</summary>
public interface IDeliveryAlerts
{
    /// <summary>Checks every store and vendor once; returns how many emails were queued. Never throws for one store's trouble.</summary>
    Task<int> EvaluateAsync(CancellationToken cancellationToken);
}
