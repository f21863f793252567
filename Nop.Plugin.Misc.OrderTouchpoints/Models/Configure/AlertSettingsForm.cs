using System.Net.Mail;
using Nop.Plugin.Misc.OrderTouchpoints.Alerts;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

/// <summary>The alerts card: one set of settings for the whole installation (store 0), whatever the scope.</summary>
public class AlertSettingsForm(ISettingService settingService)
{
    private const string Prefix = nameof(ConfigurationModel.Alerts);

    /// <summary>Up to a week: a longer wait or period would hide an outage for good.</summary>
    public static readonly SettingRange WaitingThresholdMinutes = new(1, 10080);

    /// <summary>At least 5 minutes, so a failing vendor cannot flood the owner's mailbox.</summary>
    public static readonly SettingRange PeriodMinutes = new(5, 10080);

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
        await errors.RangeAsync($"{Prefix}.{nameof(model.WaitingThresholdMinutes)}", "Plugins.Misc.OrderTouchpoints.Fields.Alerts.WaitingThresholdMinutes",
            model.WaitingThresholdMinutes, WaitingThresholdMinutes);
        await errors.RangeAsync($"{Prefix}.{nameof(model.PeriodMinutes)}", "Plugins.Misc.OrderTouchpoints.Fields.Alerts.PeriodMinutes",
            model.PeriodMinutes, PeriodMinutes);
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
