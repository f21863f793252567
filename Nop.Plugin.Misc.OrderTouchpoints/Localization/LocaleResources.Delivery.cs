namespace Nop.Plugin.Misc.OrderTouchpoints.Localization;

public static partial class LocaleResources
{
    private static LocaleText[] Delivery => [];
}
