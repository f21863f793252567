using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Services.Helpers;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Health;

/// <summary>The configure page's per-vendor health: every vendor, even one with no deliveries yet.</summary>
public class VendorHealthModelFactory(IDeliveryReports reports, IDateTimeHelper dateTimeHelper, RegisteredVendors vendors)
{
    public async Task<IList<VendorHealthModel>> PrepareAsync(int storeScope, CancellationToken cancellationToken = default)
    {
        var health = (await reports.GetVendorHealthAsync(storeScope, cancellationToken)).ToDictionary(h => h.Vendor);
        var models = new List<VendorHealthModel>();
        foreach (var vendor in vendors.All)
        {
            var h = health.GetValueOrDefault(vendor.Vendor);
            models.Add(new VendorHealthModel
            {
                VendorName = vendor.Name,
                Waiting = h?.Waiting ?? 0,
                DeliveredLast24Hours = h?.DeliveredLast24Hours ?? 0,
                FailedLast24Hours = h?.FailedLast24Hours ?? 0,
                LastDeliveredOn = h?.LastDeliveredOnUtc is { } delivered ? await dateTimeHelper.ConvertToUserTimeAsync(delivered, DateTimeKind.Utc) : null
            });
        }
        return models;
    }
}
