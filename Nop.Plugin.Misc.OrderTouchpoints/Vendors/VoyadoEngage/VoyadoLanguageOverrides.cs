using System.Globalization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>
/// The <see cref="OrderTouchpointsVoyadoSettings.LanguageOverrides"/> text, read by the channel and written
/// by the admin page: one <c>languageId=locale</c> per line (';' and ',' are read as separators too, for a
/// hand-edited setting). Engage only accepts locales configured in the tenant, which need not be the
/// cultures of the shop's languages.
/// </summary>
public static class VoyadoLanguageOverrides
{
    public static IReadOnlyDictionary<int, string> Parse(string? text)
    {
        var overrides = new Dictionary<int, string>();
        foreach (var entry in (text ?? string.Empty).Split(['\r', '\n', ';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var languageId) && parts[1].Length > 0)
                overrides[languageId] = parts[1];
        }
        return overrides;
    }

    /// <summary>The stored text: one line per language with an override, ordered by id; null when there is none.</summary>
    public static string? Format(IEnumerable<KeyValuePair<int, string>> overrides)
    {
        var lines = overrides.Where(o => !string.IsNullOrWhiteSpace(o.Value)).OrderBy(o => o.Key)
            .Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Key}={o.Value.Trim()}"))
            .ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    /// <summary>The override for the language, else its culture (e.g. sv-SE), else null (no language known).</summary>
    public static string? LocaleFor(string? overridesText, int languageId, string? languageCulture) =>
        Parse(overridesText).TryGetValue(languageId, out var locale)
            ? locale
            : string.IsNullOrWhiteSpace(languageCulture) ? null : languageCulture.Trim();
}
