using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

/// <summary>The delivery card: one set of settings for the whole installation (store 0), whatever the scope.</summary>
public class DeliverySettingsForm(ISettingService settingService)
{
    private const string Prefix = nameof(ConfigurationModel.Delivery);

    public static readonly SettingRange RetentionDays = new(1, 3650);
    public static readonly SettingRange MaxConcurrentSends = new(1, 64);
    public static readonly SettingRange AttemptTimeoutSeconds = new(1, 120);

    public async Task<DeliveryModel> PrepareAsync()
    {
        var settings = await settingService.LoadSettingAsync<OrderTouchpointsDeliverySettings>();
        return new DeliveryModel
        {
            RetrySchedule = settings.RetrySchedule,
            RetentionDays = settings.RetentionDays,
            ReconciliationEnabled = settings.ReconciliationEnabled,
            MaxConcurrentSends = settings.MaxConcurrentSends,
            AttemptTimeoutSeconds = settings.AttemptTimeoutSeconds
        };
    }

    public async Task ValidateAsync(DeliveryModel model, FormErrors errors)
    {
        if (!RetrySchedule.TryParse(model.RetrySchedule, out _))
            await errors.AddAsync($"{Prefix}.{nameof(model.RetrySchedule)}", "Plugins.Misc.OrderTouchpoints.Validation.RetrySchedule",
                RetrySchedule.MaxRetries, (int)RetrySchedule.MaxDelay.TotalDays);
        await errors.RangeAsync($"{Prefix}.{nameof(model.RetentionDays)}", "Plugins.Misc.OrderTouchpoints.Fields.Delivery.RetentionDays",
            model.RetentionDays, RetentionDays);
        await errors.RangeAsync($"{Prefix}.{nameof(model.MaxConcurrentSends)}", "Plugins.Misc.OrderTouchpoints.Fields.Delivery.MaxConcurrentSends",
            model.MaxConcurrentSends, MaxConcurrentSends);
        await errors.RangeAsync($"{Prefix}.{nameof(model.AttemptTimeoutSeconds)}", "Plugins.Misc.OrderTouchpoints.Fields.Delivery.AttemptTimeoutSeconds",
            model.AttemptTimeoutSeconds, AttemptTimeoutSeconds);
    }

    public async Task SaveAsync(DeliveryModel model)
    {
        var settings = await settingService.LoadSettingAsync<OrderTouchpointsDeliverySettings>();
        settings.RetrySchedule = RetrySchedule.Normalize(model.RetrySchedule ?? string.Empty);
        settings.RetentionDays = model.RetentionDays;
        settings.ReconciliationEnabled = model.ReconciliationEnabled;
        settings.MaxConcurrentSends = model.MaxConcurrentSends;
        settings.AttemptTimeoutSeconds = model.AttemptTimeoutSeconds;
        await settingService.SaveSettingAsync(settings);
    }
}
