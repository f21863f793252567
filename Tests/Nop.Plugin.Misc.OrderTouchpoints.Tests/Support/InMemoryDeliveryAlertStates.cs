using Nop.Plugin.Misc.OrderTouchpoints.Alerts;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>
/// The alert states in process memory with the compare-and-swap rule of <see cref="DbDeliveryAlertStates"/>; shared by
/// several alert services, it stands for the database of a web farm. <see cref="BeforeChange"/> runs inside a change,
/// before its comparison: the moment another node's sweep may slip in.
/// </summary>
public sealed class InMemoryDeliveryAlertStates : IDeliveryAlertStates
{
    private readonly Lock _gate = new();

    public Dictionary<(int StoreId, TouchpointVendor Vendor), DateTime> AlertedOnUtc { get; } = [];

    public Action? BeforeChange { get; set; }

    public Task<IReadOnlyDictionary<TouchpointVendor, DateTime>> GetAlertedOnUtcAsync(int storeId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyDictionary<TouchpointVendor, DateTime>>(
                AlertedOnUtc.Where(s => s.Key.StoreId == storeId).ToDictionary(s => s.Key.Vendor, s => s.Value));
        }
    }

    public Task<bool> TryChangeAsync(int storeId, TouchpointVendor vendor, DateTime? seen, DateTime? next, CancellationToken cancellationToken)
    {
        BeforeChange?.Invoke();
        lock (_gate)
        {
            var key = (storeId, vendor);
            var current = AlertedOnUtc.TryGetValue(key, out var on) ? on : (DateTime?)null;
            if (current != seen)
                return Task.FromResult(false);
            if (next is { } value)
                AlertedOnUtc[key] = value;
            else
                AlertedOnUtc.Remove(key);
            return Task.FromResult(true);
        }
    }
}
