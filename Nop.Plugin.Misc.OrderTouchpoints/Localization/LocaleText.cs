namespace Nop.Plugin.Misc.OrderTouchpoints.Localization;

/// <summary>One locale resource: the English text goes to every language, the Italian one to Italian languages.</summary>
public sealed record LocaleText(string Key, string English, string Italian);
