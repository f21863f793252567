namespace Nop.Plugin.Misc.OrderTouchpoints.Localization;

public static partial class LocaleResources
{
    private static LocaleText[] General =>
    [
        T("FriendlyName", "Order touchpoints", "Touchpoint degli ordini"),
        T("Description",
            "Sends every order and its customer to Transactionale, Voyado Engage and VTmarketing.",
            "Invia ogni ordine e il relativo cliente a Transactionale, Voyado Engage e VTmarketing.")
    ];
}
