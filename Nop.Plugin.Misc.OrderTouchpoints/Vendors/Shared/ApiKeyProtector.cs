using System.Security.Cryptography;
using Nop.Services.Security;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>Keeps vendor API keys encrypted at rest with nopCommerce's own encryption key.</summary>
public class ApiKeyProtector(IEncryptionService encryptionService)
{
    /// <summary>Encrypts the key as typed, without the spaces or line breaks a paste brings along.</summary>
    public string Protect(string apiKey) => encryptionService.EncryptText(apiKey.Trim());

    /// <summary>
    /// The plain key, or null when none is stored or it cannot be read: encrypted with another encryption
    /// key (CryptographicException), or not encrypted at all, e.g. pasted in plain through All settings
    /// (nopCommerce's DecryptText then throws FormatException on the Base64 decode). Callers show "re-enter
    /// the API key" for a stored value that reveals nothing.
    /// </summary>
    public string? Reveal(string? storedKey)
    {
        if (string.IsNullOrEmpty(storedKey))
            return null;
        try
        {
            var key = encryptionService.DecryptText(storedKey)?.Trim();
            return string.IsNullOrEmpty(key) ? null : key;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>What a delivery or the configure page says about a stored key that <see cref="Reveal"/> cannot read.</summary>
    public static string UnreadableKeyReason(string vendorName) =>
        $"The saved {vendorName} API key cannot be read (it was encrypted with another encryption key, or changed by hand in All settings): re-enter the API key in the {vendorName} settings.";
}
