using System.Globalization;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>
/// Maps a re-read nopCommerce order to Engage's order body (docs/vendors.md §2.3). Every amount is
/// converted on its own to the customer's currency (2 decimals, half away from zero); Engage then checks
/// Σ items + freight + handling − discounts + round-off = total, so the round-off is computed last from
/// the converted parts and absorbs both the conversion cents and nopCommerce's own rounding of the total.
/// </summary>
public class VoyadoOrderPayloadBuilder(OrderDataLoader orderDataLoader)
{
    public async Task<VoyadoOrderPayload> BuildAsync(OrderData data, OrderTouchpointsVoyadoSettings settings, DeliveryRequest request, string contactId)
    {
        var order = data.Order;
        var lines = await orderDataLoader.LoadLinesAsync(order, order.CustomerLanguageId);
        var redemptions = await orderDataLoader.LoadRedemptionsAsync(order);
        decimal Money(decimal primaryAmount) => ToCents(data.InCustomerCurrency(primaryAmount));

        var items = lines.Select(line => Item(line, Money)).ToList();
        var freight = Fee(order.OrderShippingInclTax, order.OrderShippingExclTax, Money);
        // nopCommerce allows a negative payment method fee (a discount for the method); it is sent as it is.
        var handling = order.PaymentMethodAdditionalFeeInclTax != 0m
            ? Fee(order.PaymentMethodAdditionalFeeInclTax, order.PaymentMethodAdditionalFeeExclTax, Money)
            : null;
        // Order-level reductions: item discounts are already inside each line total, the subtotal discount
        // and the order total discount are not; gift cards and reward points are payments nopCommerce takes
        // off OrderTotal, so Engage must see them here too or the sum cannot hold.
        var discounts = Money(order.OrderSubTotalDiscountInclTax + order.OrderDiscount + redemptions.Total);
        var total = Money(order.OrderTotal);
        var roundOff = total - (items.Sum(i => i.GrossPaidPrice) + freight.Value + (handling?.Value ?? 0m) - discounts);

        return new VoyadoOrderPayload(
            Contact: new VoyadoOrderContact(contactId),
            OrderNumber: OrderData.FirstNonEmpty(order.CustomOrderNumber) ?? order.Id.ToString(CultureInfo.InvariantCulture),
            OrderStatus: VoyadoStatuses.OrderStatusFor(settings, request.Event),
            PaymentStatus: VoyadoStatuses.PaymentStatusFor(settings, order.PaymentStatus),
            CreatedDate: Iso8601Utc(order.CreatedOnUtc),
            StoreId: settings.StoreExternalId?.Trim() ?? string.Empty,
            Currency: order.CustomerCurrencyCode?.Trim().ToUpperInvariant() ?? string.Empty,
            TotalGrossPrice: total,
            Language: VoyadoLanguageOverrides.LocaleFor(settings.LanguageOverrides, order.CustomerLanguageId, data.Language?.LanguageCulture),
            TotalTax: Money(order.OrderTax),
            FreightFee: freight,
            HandlingFee: handling,
            TotalDiscounts: discounts,
            TotalRoundOff: new VoyadoRoundOff(roundOff),
            StatusChangedDate: request.Event == TouchpointEvent.OrderPlaced ? null : Iso8601Utc(request.EventOccurredUtc),
            Items: items);
    }

    /// <summary>ISO 8601 in UTC with a Z; nopCommerce's *Utc columns come back as unspecified kind but are UTC.</summary>
    public static string Iso8601Utc(DateTime value) =>
        (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static VoyadoOrderItem Item(OrderLine line, Func<decimal, decimal> money)
    {
        var item = line.Item;
        var gross = money(item.PriceInclTax);
        return new VoyadoOrderItem(
            Type: VoyadoOrderItem.PurchaseType,
            Sku: line.Sku,
            Quantity: item.Quantity,
            GrossPaidPrice: gross,
            Description: line.Name,
            TaxAmount: gross - money(item.PriceExclTax),
            TaxPercent: TaxPercent(item.PriceInclTax, item.PriceExclTax));
    }

    /// <summary>
    /// nopCommerce keeps no tax rate per line, so it is derived from the line totals (before conversion: the
    /// rate does not depend on the currency). One decimal: the totals are rounded to cents, so more digits
    /// would be noise (22 % shows as 22.0, not 22.03). Unknown for free lines.
    /// </summary>
    private static decimal? TaxPercent(decimal inclTax, decimal exclTax) =>
        exclTax > 0m && inclTax >= exclTax
            ? Math.Round((inclTax - exclTax) / exclTax * 100m, 1, MidpointRounding.AwayFromZero)
            : null;

    private static VoyadoFee Fee(decimal inclTax, decimal exclTax, Func<decimal, decimal> money)
    {
        var value = money(inclTax);
        return new VoyadoFee(value, value - money(exclTax));
    }

    // Always two decimals in the JSON (12.50, not 12.5 or 12.500000), as Engage compares amounts at 2 decimals.
    private static decimal ToCents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;
}
