using System.Globalization;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>
/// Maps a re-read nopCommerce order to Engage's order body (docs/vendors.md §2.3). Every amount is converted on
/// its own to the customer's currency (2 decimals, half away from zero), then:
/// <list type="bullet">
/// <item>totalGrossPrice is everything paid by any means: OrderTotal + gift cards + reward points;</item>
/// <item>order-level discounts are spread over the lines (<see cref="VoyadoDiscountSpread"/>): the sum rule has no discount term;</item>
/// <item>each line's taxAmount follows from its grossPaidPrice and its recorded tax rate (<see cref="VoyadoTaxMath"/>), totalTax is their sum plus the fees' tax;</item>
/// <item>whatever conversion and nopCommerce's own rounding leave over is the totalRoundOff, sent only when not zero.</item>
/// </list>
/// </summary>
public class VoyadoOrderPayloadBuilder(OrderDataLoader orderDataLoader, VoyadoOrderDetailsLoader detailsLoader)
{
    public const string FallbackPaymentDescription = "Payment";
    public const string GiftCardDescription = "Gift card";
    public const string RewardPointsDescription = "Reward points";
    public const string ItemDiscountDescription = "Discount";

    public async Task<VoyadoOrderPayload> BuildAsync(OrderData data, OrderTouchpointsVoyadoSettings settings, DeliveryRequest request, string contactId)
    {
        var order = data.Order;
        // Lines are named in the language the post names: an order whose language was deleted is in the store's default.
        var language = await detailsLoader.LanguageAsync(data);
        var lines = await orderDataLoader.LoadLinesAsync(order, language?.Id ?? order.CustomerLanguageId);
        var details = await detailsLoader.LoadAsync(data, lines, settings, request);
        var redemptions = await orderDataLoader.LoadRedemptionsAsync(order);
        decimal Money(decimal primaryAmount) => ToCents(data.InCustomerCurrency(primaryAmount));

        var lineGross = lines.Select(l => Money(l.Item.PriceInclTax)).ToList();
        // Subtotal and order-total discounts are outside the line totals in nopCommerce (shipping discounts are inside the shipping fee).
        var orderLevelDiscount = Money(order.OrderSubTotalDiscountInclTax + order.OrderDiscount);
        var shares = VoyadoDiscountSpread.Spread(orderLevelDiscount, lineGross);
        var orderDiscountText = DiscountText(details.Discounts.Where(d => d.IsOrderLevel).ToList());
        var itemDiscountText = DiscountText(details.Discounts.Where(d => !d.IsOrderLevel).ToList());

        var items = lines.Select((line, i) => Item(line, lineGross[i], shares[i], details, data.TaxRates, Money, itemDiscountText, orderDiscountText)).ToList();
        var freight = Fee(order.OrderShippingInclTax, order.OrderShippingExclTax, data.TaxRates, Money);
        // nopCommerce allows a negative payment method fee (a discount for the method); it is sent as it is.
        var handling = order.PaymentMethodAdditionalFeeInclTax != 0m
            ? Fee(order.PaymentMethodAdditionalFeeInclTax, order.PaymentMethodAdditionalFeeExclTax, data.TaxRates, Money)
            : null;

        var giftCards = redemptions.GiftCards.Select(Money).ToList();
        var rewardPoints = Money(redemptions.RewardPoints);
        var total = Money(redemptions.ValuePaid(order));
        var roundOff = total - (items.Sum(i => i.GrossPaidPrice) + freight.Value + (handling?.Value ?? 0m));

        return new VoyadoOrderPayload(
            Contact: new VoyadoOrderContact(contactId),
            OrderNumber: OrderData.FirstNonEmpty(order.CustomOrderNumber) ?? order.Id.ToString(CultureInfo.InvariantCulture),
            OrderStatus: VoyadoStatuses.OrderStatusFor(settings, request.Event),
            PaymentStatus: VoyadoStatuses.PaymentStatusFor(settings, order.PaymentStatus),
            CreatedDate: Iso8601Utc(order.CreatedOnUtc),
            StoreId: settings.StoreExternalId?.Trim() ?? string.Empty,
            Currency: order.CustomerCurrencyCode?.Trim().ToUpperInvariant() ?? string.Empty,
            TotalGrossPrice: total,
            Language: details.Locale,
            TotalTax: items.Sum(i => i.TaxAmount ?? 0m) + freight.Tax + (handling?.Tax ?? 0m),
            FreightFee: freight,
            HandlingFee: handling,
            TotalDiscounts: Money(lines.Sum(l => l.Item.DiscountAmountInclTax) + order.OrderSubTotalDiscountInclTax + order.OrderDiscount),
            PaymentMethods: PaymentMethods(total, order.OrderTotal > 0m, giftCards, rewardPoints, details.PaymentMethodName),
            TotalRoundOff: roundOff != 0m ? new VoyadoRoundOff(roundOff) : null,
            ShippingDate: details.Shipment?.ShippedDateUtc is { } shipped ? Iso8601Utc(shipped) : null,
            ExtraData: ShipmentData(details.Shipment),
            StatusChangedDate: request.Event == TouchpointEvent.OrderPlaced ? null : Iso8601Utc(request.EventOccurredUtc),
            Items: items);
    }

    /// <summary>ISO 8601 in UTC with a Z; nopCommerce's *Utc columns come back as unspecified kind but are UTC.</summary>
    public static string Iso8601Utc(DateTime value) =>
        (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static VoyadoOrderItem Item(OrderLine line, decimal gross, decimal orderDiscountShare, VoyadoOrderDetails details,
        IReadOnlyList<decimal> taxRates, Func<decimal, decimal> money, string itemDiscountText, string orderDiscountText)
    {
        var item = line.Item;
        var paid = gross - orderDiscountShare;
        var rate = VoyadoTaxMath.RateOf(item.PriceInclTax, item.PriceExclTax, taxRates);
        var discounts = new List<VoyadoItemDiscount>();
        if (item.DiscountAmountInclTax > 0m && money(item.DiscountAmountInclTax) is var itemDiscount and > 0m)
            discounts.Add(new VoyadoItemDiscount(-itemDiscount, VoyadoItemDiscount.ItemType, itemDiscountText));
        if (orderDiscountShare > 0m)
            discounts.Add(new VoyadoItemDiscount(-orderDiscountShare, VoyadoItemDiscount.OrderShareType, orderDiscountText));
        details.LinksByOrderItemId.TryGetValue(item.Id, out var links);
        return new VoyadoOrderItem(
            Type: VoyadoOrderItem.PurchaseType,
            Sku: line.Sku,
            Quantity: item.Quantity,
            GrossPaidPrice: paid,
            // Engage's mails show it as one line; an imported catalogue can keep a spreadsheet cell's line breaks in the name.
            Description: HtmlText.SingleLine(line.Name),
            TaxAmount: rate is { } percent ? VoyadoTaxMath.TaxIn(paid, percent) : null,
            TaxPercent: rate,
            ImageUrl: links?.ImageUrl,
            TargetUrl: links?.TargetUrl,
            Discounts: discounts.Count > 0 ? discounts : null);
    }

    private static VoyadoFee Fee(decimal inclTax, decimal exclTax, IReadOnlyList<decimal> taxRates, Func<decimal, decimal> money)
    {
        var value = money(inclTax);
        return new VoyadoFee(value, value - money(exclTax), VoyadoTaxMath.RateOf(inclTax, exclTax, taxRates));
    }

    /// <summary>
    /// The payment method's entry is what was left to pay after gift cards and reward points, so the entries add up to
    /// totalGrossPrice exactly; it is left out when nothing was charged (an order paid in full by gift cards or points).
    /// Each redemption is converted on its own and the total as one sum, which can differ by a cent: when nothing was charged
    /// (or the charge converts to less than a cent) that cent goes to the largest redemption, never to a payment entry of
    /// 0.01 or −0.01 for a charge that did not happen.
    /// </summary>
    private static IReadOnlyList<VoyadoPaymentMethod>? PaymentMethods(decimal total, bool anythingCharged, IReadOnlyList<decimal> giftCards,
        decimal rewardPoints, string? paymentMethodName)
    {
        var methods = giftCards.Where(v => v != 0m).Select(v => new VoyadoPaymentMethod(VoyadoPaymentMethod.GiftCardType, GiftCardDescription, v)).ToList();
        if (rewardPoints != 0m)
            methods.Add(new VoyadoPaymentMethod(VoyadoPaymentMethod.RewardPointsType, RewardPointsDescription, rewardPoints));
        var rest = total - methods.Sum(m => m.Value);
        if (anythingCharged && rest > 0m)
            methods.Insert(0, new VoyadoPaymentMethod(VoyadoPaymentMethod.PaymentType, paymentMethodName ?? FallbackPaymentDescription, rest));
        else if (rest != 0m && methods.Count > 0)
        {
            var largest = methods.IndexOf(methods.MaxBy(m => m.Value)!);
            methods[largest] = methods[largest] with { Value = methods[largest].Value + rest };
        }
        methods.RemoveAll(m => m.Value <= 0m);
        return methods.Count > 0 ? methods : null;
    }

    private static IReadOnlyDictionary<string, string>? ShipmentData(VoyadoShipmentInfo? shipment)
    {
        if (shipment is null)
            return null;
        var data = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (shipment.TrackingNumber is { } number)
            data["trackingNumber"] = number;
        if (shipment.TrackingUrl is { } url)
            data["trackingUrl"] = url;
        if (shipment.ShippingMethod is { } method)
            data["shippingMethod"] = method;
        return data.Count > 0 ? data : null;
    }

    /// <summary>Coupon codes when the customer typed any (what they recognise), else the discounts' names.</summary>
    private static string DiscountText(IReadOnlyList<VoyadoUsedDiscount> discounts)
    {
        var texts = discounts.Select(d => d.CouponCode ?? d.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return texts.Count > 0 ? string.Join(", ", texts) : ItemDiscountDescription;
    }

    // Always two decimals in the JSON (12.50, not 12.5 or 12.500000), as Engage compares amounts at 2 decimals.
    private static decimal ToCents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;
}
