namespace Nop.Web.Framework.Localization;

public delegate LocalizedString Localizer(string text, params object[] args);
