using System.Diagnostics.CodeAnalysis;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;

/// <summary>What a store's Transactionale settings must hold before anything is sent; reasons are for the store owner.</summary>
public static class TransactionaleSettingsCheck
{
    /// <summary>The first problem that stops sending for the store, or null when the settings are complete.</summary>
    public static string? FindProblem(OrderTouchpointsTransactionaleSettings settings)
    {
        if (!settings.Enabled)
            return "Transactionale is not enabled for this store.";
        if (string.IsNullOrEmpty(settings.ApiKey))
            return "No Transactionale API key is saved for this store.";
        if (!VendorEndpoint.TryParse(settings.EndpointUrl, out _, out var endpointError))
            return $"Transactionale endpoint: {endpointError}";
        if (TransactionaleConsentRule.ModeOf(settings) == TransactionaleConsentMode.NotChosen)
            return TransactionaleConsentRule.NotChosenProblem;
        return TryGetShopCountry(settings, out _, out var countryError) ? null : countryError;
    }

    /// <summary>
    /// The shop's country as Transactionale wants it: ISO 3166-1 alpha-2, upper case. Their code samples
    /// send lower case ("it") while their field tables say "IT"; upper case is the ISO form.
    /// </summary>
    public static bool TryGetShopCountry(OrderTouchpointsTransactionaleSettings settings,
        [NotNullWhen(true)] out string? countryCode, [NotNullWhen(false)] out string? problem)
    {
        var value = settings.ShopCountryCode?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            countryCode = null;
            problem = "The shop country code for Transactionale is not set for this store: enter the two-letter ISO code of the shop's country (e.g. IT).";
            return false;
        }
        if (value.Length != 2 || !char.IsAsciiLetter(value[0]) || !char.IsAsciiLetter(value[1]))
        {
            countryCode = null;
            problem = $"The shop country code for Transactionale \"{VendorErrorText.Clean(value)}\" is not a two-letter ISO 3166-1 code (e.g. IT, DE).";
            return false;
        }
        countryCode = value.ToUpperInvariant();
        problem = null;
        return true;
    }
}
