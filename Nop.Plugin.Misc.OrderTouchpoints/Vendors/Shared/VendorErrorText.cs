using System.Text.RegularExpressions;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// Turns a vendor's error body into a reason a store owner can read: one line, short, with email
/// addresses masked — vendors echo the customer's data back in validation errors.
/// </summary>
public static partial class VendorErrorText
{
    public const int MaxLength = 300;

    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return string.Empty;
        var oneLine = Whitespace().Replace(text, " ").Trim();
        var masked = Email().Replace(oneLine, "[email]");
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

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[^\s""'<>(),;:]+@[^\s""'<>(),;:]+")]
    private static partial Regex Email();
}
