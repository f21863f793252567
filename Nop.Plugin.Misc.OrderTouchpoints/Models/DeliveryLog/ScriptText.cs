using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.DeliveryLog;

/// <summary>
/// A text as a JavaScript string literal for a view's script block. Razor's @ HTML-encodes, which inside
/// a script shows "&amp;#xE8;" instead of "è"; this keeps letters of every language as they are and
/// escapes only what could end the string or the script (quotes, backslash, &lt;, &gt;, &amp;).
/// </summary>
public static class ScriptText
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static IHtmlContent Literal(string text) => new HtmlString(JsonSerializer.Serialize(text, Options));
}
