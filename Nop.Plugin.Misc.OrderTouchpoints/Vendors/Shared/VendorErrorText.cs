using System.Text.Json;
using System.Text.RegularExpressions;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// Turns a vendor's error body into a reason a store owner can read: one line, short, with email addresses,
/// runs of 7 or more digits and phone-like sequences masked — vendors echo the customer's data back in validation
/// errors, and a reason is stored and shown. Names cannot be recognised in general: the request's own names,
/// phone and email are masked where the answer repeats them (<see cref="MaskEchoes"/>).
/// </summary>
public static partial class VendorErrorText
{
    public const int MaxLength = 300;

    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return string.Empty;
        var oneLine = Whitespace().Replace(text, " ").Trim();
        var masked = PhoneLike().Replace(Email().Replace(oneLine, "[email]"), "[number]");
        return masked.Length <= MaxLength ? masked : string.Concat(masked.AsSpan(0, MaxLength - 1), "…");
    }

    /// <summary>
    /// Removes the API key from a vendor's text before it is cleaned and shortened: some vendors echo the
    /// request headers in 401 bodies, and shortening first could leave a prefix of the key behind.
    /// </summary>
    public static string Redact(string? text, string? apiKey) =>
        string.IsNullOrEmpty(text) || string.IsNullOrEmpty(apiKey)
            ? text ?? string.Empty
            : text.Replace(apiKey, "[api key]", StringComparison.Ordinal);

    /// <summary>
    /// Replaces every value of the request's <paramref name="personalFields"/> (at any depth of its JSON) that the answer
    /// repeats, as a whole word and ignoring case. Runs on the vendor's answer before it is shortened.
    /// </summary>
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

    /// <summary>
    /// 7 or more digits, alone or grouped by spaces, dots, dashes, slashes or brackets, with an optional leading +; not
    /// inside a word or id (GUIDs), and not an ISO date or an IPv4 address, which a reason needs and which name nobody.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\d\-.])(?!\d{4}-\d\d-\d\d(?:T|\b))(?!\d{1,3}(?:\.\d{1,3}){3}\b)\+?\(?\d(?:[\s().\-/]{0,2}\d){6,}(?![\p{L}\d])")]
    private static partial Regex PhoneLike();
}
