namespace Nop.Plugin.Misc.OrderTouchpoints.Models;

/// <summary>What the configure page may say about a stored API key; the key itself never leaves the server.</summary>
public enum ApiKeyState
{
    None,
    Set,
    /// <summary>Stored, but nopCommerce's encryption key changed since, so it cannot be decrypted.</summary>
    Unreadable
}
