using System.Globalization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models;

/// <summary>
/// The <c>LanguageOverrides</c> setting of Voyado Engage as the admin edits it: one line
/// <c>languageId=culture</c> per nopCommerce language whose Engage locale differs from its culture.
/// </summary>
public static class VoyadoLanguageOverridesText
{
    public static IReadOnlyDictionary<int, string> Parse(string? text)
    {
        var overrides = new Dictionary<int, string>();
        foreach (var line in (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var languageId) && parts[1].Length > 0)
                overrides[languageId] = parts[1];
        }
        return overrides;
    }

    public static string? Format(IEnumerable<KeyValuePair<int, string>> overrides)
    {
        var lines = overrides.Where(o => !string.IsNullOrWhiteSpace(o.Value)).OrderBy(o => o.Key)
            .Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Key}={o.Value.Trim()}"))
            .ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }
}
