using System.Globalization;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Services.Common;

namespace Nop.Plugin.Misc.OrderTouchpoints.Alerts;

/// <summary>
/// When the owner was last alerted about a vendor for a store, kept as a generic attribute of the store
/// (shared by every web-farm node, like the database it lives in); none while that vendor is fine there.
/// </summary>
public class DeliveryAlertState(IGenericAttributeService genericAttributeService)
{
    public static string KeyOf(TouchpointVendor vendor) => OrderTouchpointsDefaults.AlertStateAttributePrefix + vendor;

    public async Task<DateTime?> GetAlertedOnUtcAsync(Store store, TouchpointVendor vendor)
    {
        var stored = await genericAttributeService.GetAttributeAsync<string>(store, KeyOf(vendor));
        return DateTime.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;
    }

    public Task SetAlertedOnUtcAsync(Store store, TouchpointVendor vendor, DateTime alertedOnUtc) =>
        genericAttributeService.SaveAttributeAsync(store, KeyOf(vendor), alertedOnUtc.ToString("O", CultureInfo.InvariantCulture));

    // nopCommerce deletes a generic attribute saved with an empty value.
    public Task ClearAsync(Store store, TouchpointVendor vendor) =>
        genericAttributeService.SaveAttributeAsync(store, KeyOf(vendor), string.Empty);
}
