using System.Security.Cryptography;
using Nop.Services.Security;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>Keeps vendor API keys encrypted at rest with nopCommerce's own encryption key.</summary>
public class ApiKeyProtector(IEncryptionService encryptionService)
{
    /// <summary>Trimmed: a pasted key often brings spaces or a line break along.</summary>
    public string Protect(string apiKey) => encryptionService.EncryptText(apiKey.Trim());

    /// <summary>
    /// Null when nothing readable is stored: a key encrypted with another encryption key (CryptographicException), or one
    /// stored in plain through All settings (nopCommerce's DecryptText then throws FormatException on the Base64 decode).
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

    public static string UnreadableKeyReason(string vendorName) =>
        $"The saved {vendorName} API key cannot be read (it was encrypted with another encryption key, or changed by hand in All settings): re-enter the API key in the {vendorName} settings.";
}
