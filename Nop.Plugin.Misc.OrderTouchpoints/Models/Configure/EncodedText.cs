using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Nop.Web.Framework.Localization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

/// <summary>
/// A locale resource with arguments, for views. nopCommerce's <c>T(key, args)</c> formats the arguments into
/// an HtmlString without encoding them, so an order number, a vendor's reason or a key ending typed by
/// someone else would reach the page as markup; here the resource stays as written (resources are admin
/// markup) and every argument is HTML-encoded.
/// </summary>
public static class EncodedText
{
    public static IHtmlContent Format(LocalizedString format, params object?[] args) =>
        new HtmlString(string.Format(CultureInfo.CurrentCulture, format.Text,
            args.Select(arg => (object)HtmlEncoder.Default.Encode(Convert.ToString(arg, CultureInfo.CurrentCulture) ?? string.Empty)).ToArray()));
}
