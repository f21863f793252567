using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

/// <summary>The delivery card: one set of settings for the whole installation (store 0), whatever the scope.</summary>
public class DeliverySettingsForm(ISettingService settingService)
{
    private const string Prefix = nameof(ConfigurationModel.Delivery);

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
        await errors.RangeAsync($"{Prefix}.{nameof(model.RetentionDays)}", model.RetentionDays, 1, 3650);
        await errors.RangeAsync($"{Prefix}.{nameof(model.MaxConcurrentSends)}", model.MaxConcurrentSends, 1, 64);
        await errors.RangeAsync($"{Prefix}.{nameof(model.AttemptTimeoutSeconds)}", model.AttemptTimeoutSeconds, 1, 120);
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
