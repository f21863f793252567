using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

public class OrderTouchpointsVoyadoSettings : VendorSettings
{
    /// <summary>Tenant URL, e.g. https://acme.voyado.com (staging: https://acme.staging.voyado.com).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The store's id in Engage (<c>storeId</c> of every order, <c>storeExternalId</c> header on contact creation).</summary>
    public string? StoreExternalId { get; set; }

    /// <summary>Engage's default type is Member; many tenants use Contact for buyers without membership.</summary>
    public string ContactType { get; set; } = "Contact";

    /// <summary>Optional <c>source</c> header on contact creation.</summary>
    public string? Source { get; set; } = "ECOM";

    /// <summary>Per nopCommerce language: the Engage locale to send instead of its culture, as lines <c>languageId=culture</c>.</summary>
    public string? LanguageOverrides { get; set; }

    /// <summary>
    /// Engage answers 429 above ~200 requests/s per key and asks integrators to stay under 50. Enforced per
    /// key across the web farm by <see cref="VendorGate"/>; 0 or less means the default (40).
    /// </summary>
    public int MaxRequestsPerSecond { get; set; } = 40;

    public bool SendOnPaid { get; set; } = true;
    public bool SendOnShipped { get; set; } = true;
    public bool SendOnDelivered { get; set; }
    public bool SendOnCancelled { get; set; } = true;
    public bool SendOnRefunded { get; set; } = true;

    // orderStatus sent for each event; these must exist in the tenant's Engage configuration.
    public string PlacedOrderStatus { get; set; } = "Confirmed";
    public string PaidOrderStatus { get; set; } = "Confirmed";
    public string ShippedOrderStatus { get; set; } = "Shipped";
    public string DeliveredOrderStatus { get; set; } = "Delivered";
    public string CancelledOrderStatus { get; set; } = "Cancelled";
    public string RefundedOrderStatus { get; set; } = "Refunded";

    // paymentStatus sent for each nopCommerce payment status.
    public string PendingPaymentStatus { get; set; } = "Pending";
    public string AuthorizedPaymentStatus { get; set; } = "Authorized";
    public string PaidPaymentStatus { get; set; } = "Paid";
    public string PartiallyRefundedPaymentStatus { get; set; } = "PartiallyRefunded";
    public string RefundedPaymentStatus { get; set; } = "Refunded";
    public string VoidedPaymentStatus { get; set; } = "Voided";
}
