using System.Security.Cryptography;
using System.Text;
using Nop.Services.Security;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>Keeps vendor API keys encrypted at rest with nopCommerce's own encryption key.</summary>
public class ApiKeyProtector(IEncryptionService encryptionService)
{
    public string Protect(string apiKey) => encryptionService.EncryptText(apiKey);

    /// <summary>The plain key, or null when none is stored or it cannot be decrypted (the store's encryption key changed).</summary>
    public string? Reveal(string? storedKey)
    {
        if (string.IsNullOrEmpty(storedKey))
            return null;
        try
        {
            var key = encryptionService.DecryptText(storedKey);
            return string.IsNullOrEmpty(key) ? null : key;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Names a key in in-memory registries (circuit breakers, rate limiters) without keeping the key itself.</summary>
    public static string Fingerprint(string apiKey) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)), 0, 8);
}
