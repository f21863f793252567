using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;

public record VoyadoModel : VendorModel
{
    public override TouchpointVendor Vendor => TouchpointVendor.VoyadoEngage;

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.BaseUrl")]
    public string? BaseUrl { get; set; }
    public bool BaseUrl_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.StoreExternalId")]
    public string? StoreExternalId { get; set; }
    public bool StoreExternalId_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.ContactType")]
    public string? ContactType { get; set; }
    public bool ContactType_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.Source")]
    public string? Source { get; set; }
    public bool Source_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.MaxRequestsPerSecond")]
    public int MaxRequestsPerSecond { get; set; }
    public bool MaxRequestsPerSecond_OverrideForStore { get; set; }

    /// <summary>One row per nopCommerce language; stored together in the LanguageOverrides setting.</summary>
    public IList<VoyadoLanguageModel> Languages { get; set; } = [];
    public bool LanguageOverrides_OverrideForStore { get; set; }

    // Whether a status change is posted again (the placed order is always posted).
    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.SendOnPaid")]
    public bool SendOnPaid { get; set; }
    public bool SendOnPaid_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.SendOnShipped")]
    public bool SendOnShipped { get; set; }
    public bool SendOnShipped_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.SendOnDelivered")]
    public bool SendOnDelivered { get; set; }
    public bool SendOnDelivered_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.SendOnCancelled")]
    public bool SendOnCancelled { get; set; }
    public bool SendOnCancelled_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.SendOnRefunded")]
    public bool SendOnRefunded { get; set; }
    public bool SendOnRefunded_OverrideForStore { get; set; }

    // orderStatus sent for each event; each must exist in the tenant's Engage configuration.
    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.PlacedOrderStatus")]
    public string? PlacedOrderStatus { get; set; }
    public bool PlacedOrderStatus_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.PaidOrderStatus")]
    public string? PaidOrderStatus { get; set; }
    public bool PaidOrderStatus_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.ShippedOrderStatus")]
    public string? ShippedOrderStatus { get; set; }
    public bool ShippedOrderStatus_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.DeliveredOrderStatus")]
    public string? DeliveredOrderStatus { get; set; }
    public bool DeliveredOrderStatus_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.CancelledOrderStatus")]
    public string? CancelledOrderStatus { get; set; }
    public bool CancelledOrderStatus_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.RefundedOrderStatus")]
    public string? RefundedOrderStatus { get; set; }
    public bool RefundedOrderStatus_OverrideForStore { get; set; }

    // paymentStatus sent for each nopCommerce payment status.
    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.PendingPaymentStatus")]
    public string? PendingPaymentStatus { get; set; }
    public bool PendingPaymentStatus_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.AuthorizedPaymentStatus")]
    public string? AuthorizedPaymentStatus { get; set; }
    public bool AuthorizedPaymentStatus_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.PaidPaymentStatus")]
    public string? PaidPaymentStatus { get; set; }
    public bool PaidPaymentStatus_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.PartiallyRefundedPaymentStatus")]
    public string? PartiallyRefundedPaymentStatus { get; set; }
    public bool PartiallyRefundedPaymentStatus_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.RefundedPaymentStatus")]
    public string? RefundedPaymentStatus { get; set; }
    public bool RefundedPaymentStatus_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.VoidedPaymentStatus")]
    public string? VoidedPaymentStatus { get; set; }
    public bool VoidedPaymentStatus_OverrideForStore { get; set; }
}

/// <summary>One nopCommerce language and the Engage locale sent instead of its culture (empty: its culture).</summary>
public record VoyadoLanguageModel : BaseNopModel
{
    public int LanguageId { get; set; }

    public string? LanguageName { get; set; }

    public string? LanguageCulture { get; set; }

    [NopResourceDisplayName("Plugins.Misc.OrderTouchpoints.Fields.Voyado.OverrideCulture")]
    public string? OverrideCulture { get; set; }
}
