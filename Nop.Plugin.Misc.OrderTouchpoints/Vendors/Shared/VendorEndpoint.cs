using System.Net;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>Vendor URLs are HTTPS; plain HTTP is accepted only for loopback addresses (tests, sandbox).</summary>
public static class VendorEndpoint
{
    public static bool TryParse(string? url, out Uri uri, out string error)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed))
        {
            error = "The vendor URL is missing or not an absolute URL.";
            return false;
        }
        if (parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && IsLoopback(parsed)))
        {
            uri = parsed;
            error = string.Empty;
            return true;
        }
        error = $"The vendor URL must use https:// (plain http:// is allowed only for loopback addresses): {parsed.GetLeftPart(UriPartial.Authority)}";
        return false;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
