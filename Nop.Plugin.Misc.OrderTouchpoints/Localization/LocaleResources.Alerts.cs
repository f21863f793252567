namespace Nop.Plugin.Misc.OrderTouchpoints.Localization;

public static partial class LocaleResources
{
    private static LocaleText[] Alerts =>
    [
        T("Configure.Alerts", "Alerts", "Avvisi"),
        T("Configure.Alerts.Intro",
            "Emails the store owner when a vendor's deliveries for a store fail or wait too long, and once more when that clears. "
            + "The texts are the message templates OrderTouchpoints.DeliveryAlert and OrderTouchpoints.DeliveryRecovered; these settings apply to all stores.",
            "Invia un'email al titolare del negozio quando gli invii di un negozio a un fornitore non riescono o restano in attesa troppo a lungo, "
            + "e un'altra quando tutto torna regolare. I testi sono i modelli di messaggio OrderTouchpoints.DeliveryAlert e OrderTouchpoints.DeliveryRecovered; "
            + "queste impostazioni valgono per tutti i negozi."),
        T("Fields.Alerts.Enabled", "Email alerts", "Avvisi via email"),
        T("Fields.Alerts.Enabled.Hint",
            "Mail the store owner about failed or long-waiting deliveries.",
            "Avvisa via email il titolare del negozio degli invii non riusciti o in attesa da troppo tempo."),
        T("Fields.Alerts.WaitingThresholdMinutes", "Waiting too long after (minutes)", "Attesa eccessiva dopo (minuti)"),
        T("Fields.Alerts.WaitingThresholdMinutes.Hint",
            "A delivery still waiting after this many minutes is reported.",
            "Un invio ancora in attesa dopo questi minuti viene segnalato."),
        T("Fields.Alerts.PeriodMinutes", "At most one alert every (minutes)", "Al massimo un avviso ogni (minuti)"),
        T("Fields.Alerts.PeriodMinutes.Hint",
            "Per vendor and store; failures of this period count.",
            "Per fornitore e negozio; contano i fallimenti di questo periodo."),
        T("Fields.Alerts.RecipientEmail", "Send alerts to", "Invia gli avvisi a"),
        T("Fields.Alerts.RecipientEmail.Hint",
            "Leave empty to use the address of the store's email account.",
            "Lascia vuoto per usare l'indirizzo dell'account email del negozio."),
        T("Validation.Email", "Enter a valid email address.", "Inserisci un indirizzo email valido.")
    ];
}
