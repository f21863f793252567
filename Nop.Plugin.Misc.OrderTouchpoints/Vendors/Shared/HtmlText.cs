using System.Net;
using System.Text.RegularExpressions;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// Catalogue texts (names, descriptions) as one line of plain text, as the feed and order mails show them. nopCommerce's
/// own IHtmlFormatter.StripTags is not used: it turns entities such as &amp;amp; into "@" instead of decoding them.
/// </summary>
public static partial class HtmlText
{
    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    // Tags that separate words; any other tag (b, span, a…) may sit inside a word.
    [GeneratedRegex(@"</?(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|blockquote|hr)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<!--.*?-->|<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex AnyTagOrComment();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Plain text (a product name) on one line: line breaks and runs of spaces become one space.</summary>
    public static string SingleLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : Whitespace().Replace(text, " ").Trim();

    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
            return string.Empty;
        var text = ScriptOrStyle().Replace(html, " ");
        text = BlockTag().Replace(text, " ");
        text = AnyTagOrComment().Replace(text, string.Empty);
        return SingleLine(WebUtility.HtmlDecode(text));
    }
}
