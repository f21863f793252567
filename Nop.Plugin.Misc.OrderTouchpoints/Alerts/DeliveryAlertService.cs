using System.Globalization;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Messages;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Alerts;

/// <summary>
/// Called by the delivery sweep. For each store and vendor: in trouble when deliveries failed within the
/// alert period or wait longer than the threshold. The first check in trouble queues one alert (then at
/// most one per period while the trouble lasts); the first check without trouble after an alert queues one
/// "recovered" email. Emails go through nopCommerce's message templates, email account and queue; they
/// name the vendor, the store, counts and the first failure's reason (stored reasons never hold customer
/// data) and link to the delivery log filtered to that store and vendor.
/// In a web farm every node sweeps: the alert state changes by compare-and-swap BEFORE the email is queued, and only the
/// node whose change won queues it (once per vendor, store and period across nodes); an email that could not be queued
/// gives its change back, so a later sweep tries again. Times are the database's (<see cref="DatabaseClock"/>), which the
/// outbox's rows and every node's stored alert times share.
/// </summary>
public class DeliveryAlertService(
    IDeliveryReports reports,
    IDeliveryAlertStates alertStates,
    ISettingService settingService,
    IStoreService storeService,
    ILanguageService languageService,
    IMessageTemplateService messageTemplateService,
    IEmailAccountService emailAccountService,
    EmailAccountSettings emailAccountSettings,
    IWorkflowMessageService workflowMessageService,
    ILogger logger,
    DatabaseClock databaseClock,
    RegisteredVendors vendors) : IDeliveryAlerts
{
    public async Task<int> EvaluateAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        var now = databaseClock.UtcNow;
        foreach (var store in await storeService.GetAllStoresAsync())
        {
            try
            {
                queued += await EvaluateStoreAsync(store, now, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Exception texts may quote the recipient: only the type is logged, here and below.
                await logger.ErrorAsync($"Order touchpoints: the delivery alerts for store {store.Id} could not be checked or queued "
                    + $"({exception.GetType().Name}).");
            }
        }
        return queued;
    }

    private async Task<int> EvaluateStoreAsync(Store store, DateTime now, CancellationToken cancellationToken)
    {
        var settings = await settingService.LoadSettingAsync<OrderTouchpointsAlertSettings>(store.Id);
        if (!settings.Enabled)
            return 0;
        var period = TimeSpan.FromMinutes(Math.Clamp(settings.PeriodMinutes, 5, 7 * 24 * 60));
        var threshold = TimeSpan.FromMinutes(Math.Clamp(settings.WaitingThresholdMinutes, 1, 7 * 24 * 60));
        var troubles = (await reports.GetDeliveryTroubleAsync(now - period, now - threshold, cancellationToken))
            .Where(t => t.StoreId == store.Id)
            .ToDictionary(t => t.Vendor);
        // Read after the trouble snapshot: an alert newer than the snapshot is seen as such below.
        var alerted = await alertStates.GetAlertedOnUtcAsync(store.Id, cancellationToken);
        var queued = 0;
        foreach (var vendor in Enum.GetValues<TouchpointVendor>())
        {
            try
            {
                var alertedOn = alerted.TryGetValue(vendor, out var on) ? on : (DateTime?)null;
                queued += await EvaluateAsync(store, vendor, troubles.GetValueOrDefault(vendor), alertedOn, settings, threshold, period, now, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await logger.ErrorAsync($"Order touchpoints: the delivery alert about {vendors.Of(vendor).Name} for store {store.Id} "
                    + $"could not be queued ({exception.GetType().Name}).");
            }
        }
        return queued;
    }

    private async Task<int> EvaluateAsync(Store store, TouchpointVendor vendor, DeliveryTrouble? trouble, DateTime? alertedOn,
        OrderTouchpointsAlertSettings settings, TimeSpan threshold, TimeSpan period, DateTime now, CancellationToken cancellationToken)
    {
        if (trouble is { FailedCount: > 0 } or { OverdueCount: > 0 })
        {
            if (alertedOn is { } last && now - last < period)
                return 0;
            if (!await alertStates.TryChangeAsync(store.Id, vendor, alertedOn, now, cancellationToken))
                return 0;
            // A template switched off or no email account: no alert was sent, so none is recorded (the next sweep checks again).
            var sent = await QueueOrGiveBackAsync(DeliveryAlertTemplates.AlertTemplateName, store, vendor, trouble, settings, threshold, now,
                taken: now, previous: alertedOn, giveBackUnlessSent: true);
            return sent ? 1 : 0;
        }
        // A check running beside this one (Run now next to the timer, another web-farm node) may have alerted after
        // this check's snapshot was taken: its alert is newer than what this check saw, so the trouble is not over.
        if (alertedOn is not { } alerted || alerted >= now)
            return 0;
        if (!await alertStates.TryChangeAsync(store.Id, vendor, alerted, null, cancellationToken))
            return 0;
        // A recovered template switched off ends the alert all the same, as the owner chose not to hear about recoveries.
        var recovered = await QueueOrGiveBackAsync(DeliveryAlertTemplates.RecoveredTemplateName, store, vendor, null, settings, threshold, now,
            taken: null, previous: alerted, giveBackUnlessSent: false);
        return recovered ? 1 : 0;
    }

    /// <summary>
    /// Queues the email of a state change this node won (<paramref name="previous"/> → <paramref name="taken"/>). When queuing
    /// throws (or, with <paramref name="giveBackUnlessSent"/>, sends nothing) the change is given back, so a later sweep, on
    /// any node, tries again rather than the email being lost.
    /// </summary>
    private async Task<bool> QueueOrGiveBackAsync(string templateName, Store store, TouchpointVendor vendor, DeliveryTrouble? trouble,
        OrderTouchpointsAlertSettings settings, TimeSpan threshold, DateTime now, DateTime? taken, DateTime? previous, bool giveBackUnlessSent)
    {
        bool sent;
        try
        {
            sent = await QueueAsync(templateName, store, vendor, trouble, settings, threshold, now);
        }
        catch (Exception)
        {
            // Not cancelled with the sweep: the state must not stay taken for an email that never went.
            await alertStates.TryChangeAsync(store.Id, vendor, taken, previous, CancellationToken.None);
            throw;
        }
        if (!sent && giveBackUnlessSent)
            await alertStates.TryChangeAsync(store.Id, vendor, taken, previous, CancellationToken.None);
        return sent;
    }

    /// <summary>False when the owner switched the template off or the store has no email account to send from.</summary>
    private async Task<bool> QueueAsync(string templateName, Store store, TouchpointVendor vendor, DeliveryTrouble? trouble,
        OrderTouchpointsAlertSettings settings, TimeSpan threshold, DateTime now)
    {
        var template = (await messageTemplateService.GetMessageTemplatesByNameAsync(templateName, store.Id)).FirstOrDefault();
        if (template is not { IsActive: true })
            return false;
        var account = await emailAccountService.GetEmailAccountByIdAsync(template.EmailAccountId)
            ?? await emailAccountService.GetEmailAccountByIdAsync(emailAccountSettings.DefaultEmailAccountId)
            ?? (await emailAccountService.GetAllEmailAccountsAsync()).FirstOrDefault();
        if (account is null)
        {
            await logger.ErrorAsync($"Order touchpoints: no email account to send the delivery alert about {vendors.Of(vendor).Name} for store {store.Id}.");
            return false;
        }

        var recipient = string.IsNullOrWhiteSpace(settings.RecipientEmail) ? account.Email : settings.RecipientEmail.Trim();
        var recipientName = recipient == account.Email ? account.DisplayName : recipient;
        var tokens = new List<Token>
        {
            new(DeliveryAlertTemplates.VendorToken, vendors.Of(vendor).Name),
            new(DeliveryAlertTemplates.StoreToken, store.Name),
            new(DeliveryAlertTemplates.FailedCountToken, trouble?.FailedCount ?? 0),
            new(DeliveryAlertTemplates.FirstReasonToken, trouble?.FirstFailureReason ?? "-"),
            new(DeliveryAlertTemplates.WaitingCountToken, trouble?.OverdueCount ?? 0),
            new(DeliveryAlertTemplates.OldestWaitingMinutesToken,
                trouble?.OldestWaitingCreatedOnUtc is { } oldest ? ((int)(now - oldest).TotalMinutes).ToString(CultureInfo.InvariantCulture) : "0"),
            new(DeliveryAlertTemplates.ThresholdMinutesToken, (int)threshold.TotalMinutes),
            new(DeliveryAlertTemplates.LogUrlToken, LogUrl(store, vendor, trouble))
        };
        await workflowMessageService.SendNotificationAsync(template, account, await LanguageIdAsync(store), tokens, recipient, recipientName);
        return true;
    }

    /// <summary>The delivery log filtered to the store and vendor, and to failed rows when some failed (else to waiting ones).</summary>
    public static string LogUrl(Store store, TouchpointVendor vendor, DeliveryTrouble? trouble)
    {
        var status = trouble is { FailedCount: > 0 } ? DeliveryStatus.Failed : trouble is null ? (DeliveryStatus?)null : DeliveryStatus.Pending;
        var url = $"{store.Url?.TrimEnd('/')}/{OrderTouchpointsDefaults.DeliveryLogPath}?storeId={store.Id}&vendorId={(int)vendor}";
        return status is { } only ? $"{url}&statusId={(int)only}" : url;
    }

    private async Task<int> LanguageIdAsync(Store store)
    {
        if (store.DefaultLanguageId > 0)
            return store.DefaultLanguageId;
        return (await languageService.GetAllLanguagesAsync(storeId: store.Id)).FirstOrDefault()?.Id ?? 0;
    }
}

/// <summary>Mails the store owner when a vendor's deliveries for a store are in trouble, and when that clears.</summary>
public interface IDeliveryAlerts
{
    /// <summary>Checks every store and vendor once; returns how many emails were queued. Never throws for one store's trouble.</summary>
    Task<int> EvaluateAsync(CancellationToken cancellationToken);
}
