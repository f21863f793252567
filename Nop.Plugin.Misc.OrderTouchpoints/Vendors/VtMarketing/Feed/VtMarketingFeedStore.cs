namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

/// <summary>What a feed needs to know about its store: the language texts come in and how its URLs are built.</summary>
/// <param name="BaseUrl">The store URL with exactly one trailing slash.</param>
/// <param name="ProductPathPrefix">"it/" when the store puts the language code in URLs, else empty.</param>
public sealed record VtMarketingFeedStore(int StoreId, int LanguageId, string BaseUrl, string ProductPathPrefix)
{
    public string ProductUrl(string seName) => BaseUrl + ProductPathPrefix + seName;

    /// <summary>
    /// nopCommerce returns picture URLs relative to the site ("/images/thumbs/…") unless its media setting
    /// "use absolute image path" is on; VTmarketing needs them absolute.
    /// </summary>
    public string Absolute(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? url
            : Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUri) && Uri.TryCreate(baseUri, url, out var resolved)
                ? resolved.ToString()
                : url;
}
