namespace Nop.Plugin.Misc.OrderTouchpoints.Models;

/// <summary>What the configure page may say about a stored API key; the key itself never leaves the server.</summary>
public enum ApiKeyState
{
    None,
    Set,
    /// <summary>Stored, but unreadable (nopCommerce's encryption key changed since, or the value was edited by hand): re-enter it.</summary>
    Unreadable
}
