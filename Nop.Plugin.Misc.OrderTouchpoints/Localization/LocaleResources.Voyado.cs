namespace Nop.Plugin.Misc.OrderTouchpoints.Localization;

public static partial class LocaleResources
{
    private static LocaleText[] Voyado =>
    [
        T("Voyado.TestConnection.Success",
            "Key accepted, tenant reachable: {0} answered a contact lookup.",
            "Chiave accettata, tenant raggiungibile: {0} ha risposto a una ricerca di contatto."),
        T("Voyado.TestConnection.BadKey",
            "Voyado Engage refused the API key (HTTP {0}). Check the key and that it belongs to this tenant.",
            "Voyado Engage ha rifiutato la chiave API (HTTP {0}). Verifica la chiave e che appartenga a questo tenant."),
        T("Voyado.TestConnection.Failed",
            "The test contact lookup did not work: {0}",
            "La ricerca del contatto di prova non è riuscita: {0}"),
        T("Voyado.TestConnection.NotConfigured",
            "Cannot test the connection yet: {0}",
            "Impossibile verificare la connessione: {0}")
    ];
}
