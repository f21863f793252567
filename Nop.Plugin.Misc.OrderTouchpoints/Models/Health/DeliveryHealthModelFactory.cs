using System.Globalization;
using System.Text.Json;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Services.Helpers;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Health;

/// <summary>
/// The health view: the outbox's history per vendor in hour or day buckets that end with the current
/// hour or the admin's current day, labelled in the admin's time zone, with the engine's pause state.
/// </summary>
public class DeliveryHealthModelFactory(
    IDeliveryReports reports,
    IVendorSendingStates sendingStates,
    IDateTimeHelper dateTimeHelper,
    ILocalizationService localizationService,
    TimeProvider timeProvider,
    RegisteredVendors vendors)
{
    public async Task<DeliveryHealthModel> PrepareAsync(DeliveryHealthPeriod period, int storeId, CancellationToken cancellationToken = default)
    {
        var nowUtc = timeProvider.GetUtcNow().UtcDateTime;
        var (fromUtc, bucket, count) = await WindowAsync(period, nowUtc);
        var history = await reports.GetDeliveryHistoryAsync(storeId, fromUtc, bucket, count, cancellationToken);

        var labels = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var start = await dateTimeHelper.ConvertToUserTimeAsync(fromUtc + i * bucket, DateTimeKind.Utc);
            labels.Add(period == DeliveryHealthPeriod.Hours
                ? start.ToString("HH:mm", CultureInfo.CurrentCulture)
                : start.ToString("d MMM", CultureInfo.CurrentCulture));
        }
        var seriesNames = new
        {
            delivered = await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Health.Delivered"),
            failed = await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Health.Failed"),
            waiting = await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Health.Waiting")
        };

        var model = new DeliveryHealthModel { Period = period, StoreId = storeId };
        foreach (var vendor in history.OrderBy(h => h.Vendor))
        {
            var state = sendingStates.StateOf(vendor.Vendor);
            model.Vendors.Add(new VendorHealthChartModel
            {
                VendorId = (int)vendor.Vendor,
                Key = KeyOf(vendor.Vendor),
                VendorName = vendors.Of(vendor.Vendor).Name,
                Labels = labels,
                Delivered = vendor.Delivered.ToList(),
                Failed = vendor.Failed.ToList(),
                Waiting = vendor.Waiting.ToList(),
                DeliveredTotal = vendor.Delivered.Sum(),
                FailedTotal = vendor.Failed.Sum(),
                WaitingNow = vendor.Waiting.Sum(),
                OldestWaitingAge = vendor.OldestWaitingCreatedOnUtc is { } oldest ? await AgeAsync(nowUtc - oldest) : null,
                LastDeliveredOn = vendor.LastDeliveredOnUtc is { } last ? await dateTimeHelper.ConvertToUserTimeAsync(last, DateTimeKind.Utc) : null,
                State = state.ToString(),
                StateName = await localizationService.GetResourceAsync(StateResource(state)),
                ChartJson = JsonSerializer.Serialize(new
                {
                    labels,
                    names = seriesNames,
                    delivered = vendor.Delivered,
                    failed = vendor.Failed,
                    waiting = vendor.Waiting
                })
            });
        }
        return model;
    }

    private static string StateResource(VendorSendingState state) => state switch
    {
        VendorSendingState.Paused => "Plugins.Misc.OrderTouchpoints.Health.State.Paused",
        VendorSendingState.Probing => "Plugins.Misc.OrderTouchpoints.Health.State.Probing",
        _ => "Plugins.Misc.OrderTouchpoints.Health.State.Sending"
    };

    /// <summary>Lower-case vendor name without spaces: the stable part of the vendor's element ids.</summary>
    public static string KeyOf(TouchpointVendor vendor) => vendor.ToString().ToLowerInvariant();

    private async Task<(DateTime FromUtc, TimeSpan Bucket, int Count)> WindowAsync(DeliveryHealthPeriod period, DateTime nowUtc)
    {
        if (period == DeliveryHealthPeriod.Hours)
        {
            var currentHour = new DateTime(nowUtc.Year, nowUtc.Month, nowUtc.Day, nowUtc.Hour, 0, 0, DateTimeKind.Utc);
            return (currentHour.AddHours(-23), TimeSpan.FromHours(1), 24);
        }
        // Days start at the admin's midnight, not at UTC's.
        var userNow = await dateTimeHelper.ConvertToUserTimeAsync(nowUtc, DateTimeKind.Utc);
        var offset = userNow - nowUtc;
        var userMidnightUtc = DateTime.SpecifyKind(userNow.Date - offset, DateTimeKind.Utc);
        return (userMidnightUtc.AddDays(-29), TimeSpan.FromDays(1), 30);
    }

    private async Task<string> AgeAsync(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
            age = TimeSpan.Zero;
        if (age.TotalDays >= 1)
            return string.Format(await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Health.Age.Days"), (int)age.TotalDays, age.Hours);
        if (age.TotalHours >= 1)
            return string.Format(await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Health.Age.Hours"), (int)age.TotalHours, age.Minutes);
        return string.Format(await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.Health.Age.Minutes"), (int)age.TotalMinutes);
    }
}
