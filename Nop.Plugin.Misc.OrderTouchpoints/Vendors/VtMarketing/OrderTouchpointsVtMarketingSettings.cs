using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

public class OrderTouchpointsVtMarketingSettings : VendorSettings
{
    // VTmarketing documents the endpoint with the trailing slash.
    public const string DefaultEndpointUrl = "https://api.vtcdn.net/v1/event/";

    public string EndpointUrl { get; set; } = DefaultEndpointUrl;

    public ProductIdSource ProductIdSource { get; set; } = ProductIdSource.ProductId;

    /// <summary>The attribute the feed's optional Color column comes from (<see cref="Feed.FeedColorSource"/> text); null = no colour.</summary>
    public string? FeedColorAttribute { get; set; }

    // generic.status sent for each nopCommerce order status.
    public string PendingOrderStatus { get; set; } = "pending";
    public string ProcessingOrderStatus { get; set; } = "processing";
    public string CompleteOrderStatus { get; set; } = "complete";
    public string CancelledOrderStatus { get; set; } = "cancelled";

    /// <summary>
    /// Secret in the product feed URL, one per store (see <see cref="Feed.VtMarketingFeedTokens"/>). Stored in
    /// plain text: it must be shown on the configure page and only guards catalogue data the storefront publishes anyway.
    /// </summary>
    public string? FeedToken { get; set; }

    /// <summary>How long a generated feed is served again before the catalogue is read anew; 0 = never cached.</summary>
    public int FeedCacheMinutes { get; set; } = 15;

    /// <summary>VTmarketing's storefront snippet exactly as the store owner pasted it; rendered unencoded.</summary>
    public string? TrackingScript { get; set; }

    public TrackingScriptPlacement TrackingScriptPlacement { get; set; } = TrackingScriptPlacement.Head;
}

/// <summary>Which product identifier VTmarketing sees, in order events and in the product feed alike.</summary>
public enum ProductIdSource
{
    /// <summary>nopCommerce product id: plain digits, which VTmarketing keeps as they are.</summary>
    ProductId = 0,
    /// <summary>Product SKU (falls back to the product id when a product has none).</summary>
    Sku = 1
}

/// <summary>Where the storefront gets VTmarketing's tracking snippet.</summary>
public enum TrackingScriptPlacement
{
    /// <summary>Inside &lt;head&gt;, where VTmarketing's installation guide puts it.</summary>
    Head = 0,
    /// <summary>Just before &lt;/body&gt;, for snippets that must not delay rendering.</summary>
    BodyEnd = 1
}
