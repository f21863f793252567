using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Messages;
using Nop.Services.Localization;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.OrderTouchpoints.Alerts;

/// <summary>
/// The two message templates the owner can edit under Content management → Message templates: the alert
/// and the all-clear. Created (with Italian texts for Italian languages) if missing, removed on uninstall.
/// </summary>
public class DeliveryAlertTemplates(
    EmailAccountSettings emailAccountSettings,
    IMessageTemplateService messageTemplateService,
    ILocalizedEntityService localizedEntityService,
    ILanguageService languageService)
{
    public const string AlertTemplateName = "OrderTouchpoints.DeliveryAlert";
    public const string RecoveredTemplateName = "OrderTouchpoints.DeliveryRecovered";

    public const string VendorToken = "OrderTouchpoints.Vendor";
    public const string StoreToken = "OrderTouchpoints.Store";
    public const string FailedCountToken = "OrderTouchpoints.FailedCount";
    public const string FirstReasonToken = "OrderTouchpoints.FirstReason";
    public const string WaitingCountToken = "OrderTouchpoints.WaitingCount";
    public const string OldestWaitingMinutesToken = "OrderTouchpoints.OldestWaitingMinutes";
    public const string ThresholdMinutesToken = "OrderTouchpoints.ThresholdMinutes";
    public const string LogUrlToken = "OrderTouchpoints.LogUrl";

    private sealed record Text(string Subject, string Body);

    private static readonly Text AlertEnglish = new(
        "%OrderTouchpoints.Store%: deliveries to %OrderTouchpoints.Vendor% need attention",
        "<p>Deliveries of orders from <strong>%OrderTouchpoints.Store%</strong> to <strong>%OrderTouchpoints.Vendor%</strong> need attention.</p>"
        + "<ul><li>Failed: %OrderTouchpoints.FailedCount%</li>"
        + "<li>First reason: %OrderTouchpoints.FirstReason%</li>"
        + "<li>Waiting longer than %OrderTouchpoints.ThresholdMinutes% minutes: %OrderTouchpoints.WaitingCount% (the oldest for %OrderTouchpoints.OldestWaitingMinutes% minutes)</li></ul>"
        + "<p><a href=\"%OrderTouchpoints.LogUrl%\">Open the delivery log</a>, fix the cause, then resend the failed deliveries.</p>");

    private static readonly Text AlertItalian = new(
        "%OrderTouchpoints.Store%: gli invii a %OrderTouchpoints.Vendor% richiedono attenzione",
        "<p>Gli invii degli ordini di <strong>%OrderTouchpoints.Store%</strong> a <strong>%OrderTouchpoints.Vendor%</strong> richiedono attenzione.</p>"
        + "<ul><li>Non riusciti: %OrderTouchpoints.FailedCount%</li>"
        + "<li>Primo motivo: %OrderTouchpoints.FirstReason%</li>"
        + "<li>In attesa da più di %OrderTouchpoints.ThresholdMinutes% minuti: %OrderTouchpoints.WaitingCount% (il più vecchio da %OrderTouchpoints.OldestWaitingMinutes% minuti)</li></ul>"
        + "<p><a href=\"%OrderTouchpoints.LogUrl%\">Apri il registro degli invii</a>, risolvi la causa, poi invia di nuovo gli invii non riusciti.</p>");

    private static readonly Text RecoveredEnglish = new(
        "%OrderTouchpoints.Store%: deliveries to %OrderTouchpoints.Vendor% are back to normal",
        "<p>Deliveries of orders from <strong>%OrderTouchpoints.Store%</strong> to <strong>%OrderTouchpoints.Vendor%</strong> are back to normal: "
        + "no new failure and nothing waiting too long.</p>"
        + "<p>Deliveries that failed earlier stay failed until they are resent from the <a href=\"%OrderTouchpoints.LogUrl%\">delivery log</a>.</p>");

    private static readonly Text RecoveredItalian = new(
        "%OrderTouchpoints.Store%: gli invii a %OrderTouchpoints.Vendor% sono tornati regolari",
        "<p>Gli invii degli ordini di <strong>%OrderTouchpoints.Store%</strong> a <strong>%OrderTouchpoints.Vendor%</strong> sono tornati regolari: "
        + "nessun nuovo errore e niente in attesa troppo a lungo.</p>"
        + "<p>Gli invii non riusciti prima restano tali finché non vengono inviati di nuovo dal <a href=\"%OrderTouchpoints.LogUrl%\">registro degli invii</a>.</p>");

    public async Task EnsureAsync()
    {
        await EnsureAsync(AlertTemplateName, AlertEnglish, AlertItalian);
        await EnsureAsync(RecoveredTemplateName, RecoveredEnglish, RecoveredItalian);
    }

    public async Task RemoveAsync()
    {
        foreach (var name in new[] { AlertTemplateName, RecoveredTemplateName })
        {
            foreach (var template in await messageTemplateService.GetMessageTemplatesByNameAsync(name))
                await messageTemplateService.DeleteMessageTemplateAsync(template);
        }
    }

    private async Task EnsureAsync(string name, Text english, Text italian)
    {
        // An existing template is the owner's: never overwritten.
        if ((await messageTemplateService.GetMessageTemplatesByNameAsync(name)).Count > 0)
            return;
        var template = new MessageTemplate
        {
            Name = name,
            Subject = english.Subject,
            Body = english.Body,
            IsActive = true,
            EmailAccountId = emailAccountSettings.DefaultEmailAccountId,
            LimitedToStores = false
        };
        await messageTemplateService.InsertMessageTemplateAsync(template);
        foreach (var language in await languageService.GetAllLanguagesAsync(showHidden: true))
        {
            if (!IsItalian(language))
                continue;
            await localizedEntityService.SaveLocalizedValueAsync(template, t => t.Subject, italian.Subject, language.Id);
            await localizedEntityService.SaveLocalizedValueAsync(template, t => t.Body, italian.Body, language.Id);
        }
    }

    private static bool IsItalian(Language language) =>
        language.LanguageCulture?.StartsWith("it", StringComparison.OrdinalIgnoreCase) == true;
}
