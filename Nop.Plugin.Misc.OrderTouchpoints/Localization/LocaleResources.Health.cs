namespace Nop.Plugin.Misc.OrderTouchpoints.Localization;

public static partial class LocaleResources
{
    private static LocaleText[] Health =>
    [
        T("Health.Title", "Delivery health", "Stato degli invii"),
        T("Health.Period.Hours", "Last 24 hours", "Ultime 24 ore"),
        T("Health.Period.Days", "Last 30 days", "Ultimi 30 giorni"),
        T("Health.Delivered", "Delivered", "Consegnati"),
        T("Health.Failed", "Failed", "Non riusciti"),
        T("Health.Waiting", "Waiting", "In attesa"),
        T("Health.WaitingNow", "Waiting now", "In attesa ora"),
        T("Health.OldestWaiting", "Oldest waiting", "Attesa più lunga"),
        T("Health.NothingWaiting", "nothing waits", "niente in attesa"),
        T("Health.LastDelivery", "Last delivery", "Ultima consegna"),
        T("Health.Never", "never", "mai"),
        T("Health.State.Sending", "Sending normally", "Invio regolare"),
        T("Health.State.Paused",
            "Paused: the vendor failed repeatedly; sending resumes automatically",
            "In pausa: il fornitore ha fallito più volte; l'invio riprende da solo"),
        T("Health.State.Probing",
            "Trying again: one test request decides whether sending resumes",
            "Nuovo tentativo: una richiesta di prova decide se l'invio riprende"),
        T("Health.StateNote",
            "The sending state is the one this server sees.",
            "Lo stato dell'invio è quello visto da questo server."),
        T("Health.Age.Minutes", "{0} min", "{0} min"),
        T("Health.Age.Hours", "{0} h {1} min", "{0} h {1} min"),
        T("Health.Age.Days", "{0} d {1} h", "{0} g {1} h"),
        T("Health.Dashboard.Title", "Order touchpoints: deliveries (24 h)", "Touchpoint ordini: invii (24 h)"),
        T("Health.Dashboard.OpenLog", "Open the delivery log", "Apri il registro degli invii"),
        T("Health.Unavailable",
            "The delivery health could not be loaded; the reason is in System → Log.",
            "Non è stato possibile caricare lo stato degli invii; il motivo è in Sistema → Registro.")
    ];
}
