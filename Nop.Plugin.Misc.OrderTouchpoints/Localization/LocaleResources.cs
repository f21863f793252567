namespace Nop.Plugin.Misc.OrderTouchpoints.Localization;

/// <summary>
/// Every locale resource the plugin uses, English and Italian side by side so neither can be forgotten.
/// Each area keeps its texts in its own file (LocaleResources.&lt;Area&gt;.cs).
/// </summary>
public static partial class LocaleResources
{
    public static IReadOnlyList<LocaleText> All { get; } =
    [
        .. General,
        .. Transactionale,
        .. Voyado,
        .. VtMarketing,
        .. Delivery,
        .. Admin,
        .. DeliveryLog,
        .. Health,
        .. Alerts
    ];

    private static LocaleText T(string key, string english, string italian) =>
        new(OrderTouchpointsDefaults.ResourcePrefix + key, english, italian);
}

/// <summary>One locale resource: the English text goes to every language, the Italian one to Italian languages.</summary>
public sealed record LocaleText(string Key, string English, string Italian);
