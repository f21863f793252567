using System.Net.Mail;
using Nop.Plugin.Misc.OrderTouchpoints.Alerts;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

/// <summary>The alerts card: one set of settings for the whole installation (store 0), whatever the scope.</summary>
public class AlertSettingsForm(ISettingService settingService)
{
    private const string Prefix = nameof(ConfigurationModel.Alerts);

    public async Task<AlertsModel> PrepareAsync()
    {
        var settings = await settingService.LoadSettingAsync<OrderTouchpointsAlertSettings>();
        return new AlertsModel
        {
            Enabled = settings.Enabled,
            WaitingThresholdMinutes = settings.WaitingThresholdMinutes,
            PeriodMinutes = settings.PeriodMinutes,
            RecipientEmail = settings.RecipientEmail
        };
    }

    public async Task ValidateAsync(AlertsModel model, FormErrors errors)
    {
        await errors.RangeAsync($"{Prefix}.{nameof(model.WaitingThresholdMinutes)}", model.WaitingThresholdMinutes, 1, 10080);
        await errors.RangeAsync($"{Prefix}.{nameof(model.PeriodMinutes)}", model.PeriodMinutes, 5, 10080);
        if (!string.IsNullOrWhiteSpace(model.RecipientEmail) && !MailAddress.TryCreate(model.RecipientEmail.Trim(), out _))
            await errors.AddAsync($"{Prefix}.{nameof(model.RecipientEmail)}", "Plugins.Misc.OrderTouchpoints.Validation.Email");
    }

    public async Task SaveAsync(AlertsModel model)
    {
        var settings = await settingService.LoadSettingAsync<OrderTouchpointsAlertSettings>();
        settings.Enabled = model.Enabled;
        settings.WaitingThresholdMinutes = model.WaitingThresholdMinutes;
        settings.PeriodMinutes = model.PeriodMinutes;
        settings.RecipientEmail = string.IsNullOrWhiteSpace(model.RecipientEmail) ? null : model.RecipientEmail.Trim();
        await settingService.SaveSettingAsync(settings);
    }
}
