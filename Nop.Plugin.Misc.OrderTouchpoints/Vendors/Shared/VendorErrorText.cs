using System.Text.Json;
using System.Text.RegularExpressions;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// A vendor's error body as a short one-line reason, emails (plain or percent-encoded, as a quoted URL carries them) and
/// phone-like numbers masked: vendors echo customer data in validation errors, and reasons are stored and shown. Names are
/// masked where the request's fields recur (<see cref="MaskEchoes"/>).
/// </summary>
public static partial class VendorErrorText
{
    public const int MaxLength = 300;

    private const string ApiKeyMark = "[api key]";

    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return string.Empty;
        var oneLine = Whitespace().Replace(text, " ").Trim();
        var masked = PhoneLike().Replace(EncodedEmail().Replace(Email().Replace(oneLine, "[email]"), "[email]"), "[number]");
        return masked.Length <= MaxLength ? masked : string.Concat(masked.AsSpan(0, MaxLength - 1), "…");
    }

    /// <summary>
    /// Before cleaning: some vendors echo request headers in 401 bodies; a cut could leave part of the key. The echo may be
    /// JSON-escaped (<c>\u002B</c> for '+' by .NET, <c>\/</c> for '/' by PHP) or percent-encoded, which hides a Base64 key
    /// from a plain search: any character of the key may come in either form.
    /// </summary>
    public static string Redact(string? text, string? apiKey)
    {
        if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(apiKey))
            return text ?? string.Empty;
        var redacted = text.Replace(apiKey, ApiKeyMark, StringComparison.Ordinal);
        if (!redacted.Contains('\\') && !redacted.Contains('%'))
            return redacted;
        var anyForm = string.Concat(apiKey.Select(EscapedForms));
        return Regex.Replace(redacted, anyForm, ApiKeyMark, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    // The character itself, its JSON \uXXXX escape, its short JSON escape (\/, \", \\) and its percent-encoding; hex in any case.
    private static string EscapedForms(char c)
    {
        var code = (int)c;
        var forms = $@"{Regex.Escape(c.ToString())}|\\u(?i:{code:x4})";
        if (c is '/' or '"' or '\\')
            forms += "|" + Regex.Escape("\\" + c);
        if (code < 0x80)
            forms += $"|%(?i:{code:x2})";
        return $"(?:{forms})";
    }

    /// <summary>Masks the request's <paramref name="personalFields"/> the answer repeats; call before shortening.</summary>
    public static string MaskEchoes(string? answer, string requestJson, params string[] personalFields)
    {
        if (string.IsNullOrEmpty(answer))
            return answer ?? string.Empty;
        var values = new List<string>();
        try
        {
            using var request = JsonDocument.Parse(requestJson);
            Collect(request.RootElement, personalFields, values);
        }
        catch (JsonException)
        {
            return answer;
        }
        return MaskEchoes(answer, values);
    }

    public static string MaskEchoes(string answer, IEnumerable<string?> personalValues)
    {
        // Longest first, so "Anna Maria" is masked whole before "Anna" could cut it in two.
        foreach (var value in personalValues.Select(v => v?.Trim()).Where(v => v is { Length: >= 2 }).Distinct().OrderByDescending(v => v!.Length))
            answer = Regex.Replace(answer, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(value!)}(?![\p{{L}}\p{{N}}])", value!.Contains('@') ? "[email]" : "[personal data]",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return answer;
    }

    private static void Collect(JsonElement element, string[] fields, List<string> values)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                Collect(item, fields, values);
            return;
        }
        if (element.ValueKind != JsonValueKind.Object)
            return;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String && fields.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
                values.Add(property.Value.GetString()!);
            else
                Collect(property.Value, fields, values);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[^\s""'<>(),;:]+@[^\s""'<>(),;:]+")]
    private static partial Regex Email();

    // As a URL's query carries it (Engage's contact lookup): "%40" for '@'. The query's own separators end it, so the rest of
    // a quoted URL stays readable.
    [GeneratedRegex(@"[^\s""'<>(),;:/?&=]+%40[^\s""'<>(),;:/?&=]*\.[^\s""'<>(),;:/?&=]+")]
    private static partial Regex EncodedEmail();

    // 7 or more digits, maybe grouped, with an optional +; not inside a word or id (GUIDs), nor an ISO date or an IPv4 address,
    // which a reason needs and which name nobody.
    [GeneratedRegex(@"(?<![\p{L}\d\-.])(?!\d{4}-\d\d-\d\d(?:T|\b))(?!\d{1,3}(?:\.\d{1,3}){3}\b)\+?\(?\d(?:[\s().\-/]{0,2}\d){6,}(?![\p{L}\d])")]
    private static partial Regex PhoneLike();
}
