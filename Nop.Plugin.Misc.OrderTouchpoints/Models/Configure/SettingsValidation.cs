using System.Text.RegularExpressions;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

/// <summary>The whole numbers a numeric setting accepts, both ends included.</summary>
public readonly record struct SettingRange(int Min, int Max)
{
    public bool Contains(int value) => value >= Min && value <= Max;
}

/// <summary>The checks the configure page applies to single values; messages are locale resources.</summary>
public static partial class SettingsValidation
{
    public static async Task RequireAsync(this FormErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            await errors.AddAsync(field, "Plugins.Misc.OrderTouchpoints.Validation.Required");
    }

    /// <summary>https://, or http:// to a loopback address only (tests, sandboxes) — the same rule the vendor clients apply.</summary>
    public static async Task VendorUrlAsync(this FormErrors errors, string field, string? url)
    {
        if (!VendorEndpoint.TryParse(url, out _, out _))
            await errors.AddAsync(field, "Plugins.Misc.OrderTouchpoints.Validation.VendorUrl");
    }

    /// <summary>Refuses a number outside <paramref name="range"/>; the message names the field by its label, since it also shows in the page's error summary.</summary>
    public static async Task RangeAsync(this FormErrors errors, string field, string labelResource, int value, SettingRange range)
    {
        if (!range.Contains(value))
            await errors.AddAsync(field, "Plugins.Misc.OrderTouchpoints.Validation.Range", await errors.TextAsync(labelResource), range.Min, range.Max);
    }

    public static bool IsCountryCode(string? code) => code is not null && CountryCode().IsMatch(code);

    /// <summary>A language tag as Engage expects it: <c>sv-SE</c>, <c>en</c>, <c>zh-Hant-TW</c>.</summary>
    public static bool IsCulture(string? culture) => culture is not null && Culture().IsMatch(culture);

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$")]
    private static partial Regex Culture();
}
