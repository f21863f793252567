namespace Nop.Plugin.Misc.OrderTouchpoints.Localization;

public static partial class LocaleResources
{
    private static LocaleText[] VtMarketing => [.. VtMarketingFeed];

    private static LocaleText[] VtMarketingFeed =>
    [
        T("Fields.VtMarketing.FeedUrl", "Product feed URL", "URL del feed prodotti"),
        T("Fields.VtMarketing.FeedUrl.Hint",
            "Give this address to VTmarketing as the product feed. It contains a secret token: whoever has it can read the feed.",
            "Comunica questo indirizzo a VTmarketing come feed prodotti. Contiene un token segreto: chi lo conosce può leggere il feed."),
        T("Fields.VtMarketing.FeedColorAttribute", "Feed colour from", "Colore del feed da"),
        T("Fields.VtMarketing.FeedColorAttribute.Hint",
            "Optional: the product attribute or specification attribute that holds your products' colour. The feed's Color column then lists a product's colours, and each variation row its own.",
            "Facoltativo: l'attributo prodotto o l'attributo di specifica che contiene il colore dei prodotti. La colonna Color del feed elenca allora i colori di un prodotto e, per ogni variante, il suo."),
        T("Configure.VtMarketing.FeedColor.None", "No colour", "Nessun colore"),
        T("Configure.VtMarketing.FeedColor.ProductAttribute", "Product attribute: {0}", "Attributo prodotto: {0}"),
        T("Configure.VtMarketing.FeedColor.SpecificationAttribute", "Specification attribute: {0}", "Attributo di specifica: {0}"),
        T("Fields.VtMarketing.FeedCacheMinutes", "Feed cache (minutes)", "Cache del feed (minuti)"),
        T("Fields.VtMarketing.FeedCacheMinutes.Hint",
            "For how many minutes a generated feed is served again before the catalogue is read anew. 0 = generate it on every request.",
            "Per quanti minuti un feed generato viene riutilizzato prima di rileggere il catalogo. 0 = generarlo a ogni richiesta."),
        T("Fields.VtMarketing.TrackingScript", "Tracking script", "Script di tracciamento"),
        T("Fields.VtMarketing.TrackingScript.Hint",
            "Paste the tracking snippet from your VTmarketing account. It is added to the storefront pages of stores where VTmarketing is enabled, exactly as pasted.",
            "Incolla lo snippet di tracciamento del tuo account VTmarketing. Viene aggiunto così com'è alle pagine del negozio nei negozi in cui VTmarketing è attivo."),
        T("Fields.VtMarketing.TrackingScriptPlacement", "Tracking script position", "Posizione dello script"),
        T("Fields.VtMarketing.TrackingScriptPlacement.Hint",
            "Where the snippet goes in every storefront page: inside <head> (as VTmarketing's guide shows) or just before </body>.",
            "Dove inserire lo snippet in ogni pagina del negozio: dentro <head> (come indica la guida di VTmarketing) o subito prima di </body>."),
        T("VtMarketing.TrackingScriptPlacement.Head", "In <head>", "In <head>"),
        T("VtMarketing.TrackingScriptPlacement.BodyEnd", "Before </body>", "Prima di </body>"),
        T("VtMarketing.Feed.NotAvailable",
            "Enable VTmarketing for this store and save to get its feed URL.",
            "Attiva VTmarketing per questo negozio e salva per ottenere l'URL del feed."),
        T("VtMarketing.Feed.RegenerateToken", "New feed token", "Nuovo token del feed"),
        T("VtMarketing.Feed.RegenerateToken.SavesFirst.Confirm",
            "This page is saved first, then the current feed URL stops working. Continue?",
            "Questa pagina viene salvata prima, poi l'URL attuale del feed smette di funzionare. Continuare?"),
        T("VtMarketing.Feed.TokenRegenerated",
            "New feed URL created: give it to VTmarketing.",
            "Nuovo URL del feed creato: comunicalo a VTmarketing."),
        T("VtMarketing.Feed.TokenNotRegenerated",
            "Your changes were saved, but new feed URLs could not be created ({0}), possibly for some stores only. Press the button again in a moment, then give VTmarketing the new URLs. The details are in System → Log.",
            "Le modifiche sono state salvate, ma non è stato possibile creare i nuovi URL del feed ({0}), forse solo per alcuni negozi. Premi di nuovo il pulsante tra qualche istante, poi comunica i nuovi URL a VTmarketing. I dettagli sono in Sistema → Registro.")
    ];
}
