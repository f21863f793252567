using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

public class OrderTouchpointsVtMarketingSettings : VendorSettings
{
    // VTmarketing documents the endpoint with the trailing slash.
    public const string DefaultEndpointUrl = "https://api.vtcdn.net/v1/event/";

    public string EndpointUrl { get; set; } = DefaultEndpointUrl;

    public ProductIdSource ProductIdSource { get; set; } = ProductIdSource.ProductId;

    // generic.status sent for each nopCommerce order status.
    public string PendingOrderStatus { get; set; } = "pending";
    public string ProcessingOrderStatus { get; set; } = "processing";
    public string CompleteOrderStatus { get; set; } = "complete";
    public string CancelledOrderStatus { get; set; } = "cancelled";
}
