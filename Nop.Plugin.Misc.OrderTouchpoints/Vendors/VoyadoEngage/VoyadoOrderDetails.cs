namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>
/// What Engage's order mails show beyond the amounts, read from nopCommerce at send time: links of the
/// lines, the payment method's name, the discounts it used, the shipment of a shipment post.
/// </summary>
public sealed record VoyadoOrderDetails(
    string? Locale,
    IReadOnlyDictionary<int, VoyadoLineLinks> LinksByOrderItemId,
    string? PaymentMethodName,
    IReadOnlyList<VoyadoUsedDiscount> Discounts,
    VoyadoShipmentInfo? Shipment);

/// <summary>Absolute URLs of a line's product in the order's store; either may be unknown.</summary>
public sealed record VoyadoLineLinks(string? ImageUrl, string? TargetUrl);

/// <summary>A discount the order used; <see cref="IsOrderLevel"/> for subtotal and order-total discounts (not inside line prices).</summary>
public sealed record VoyadoUsedDiscount(string Name, string? CouponCode, bool IsOrderLevel);

public sealed record VoyadoShipmentInfo(DateTime? ShippedDateUtc, string? TrackingNumber, string? TrackingUrl, string? ShippingMethod);
