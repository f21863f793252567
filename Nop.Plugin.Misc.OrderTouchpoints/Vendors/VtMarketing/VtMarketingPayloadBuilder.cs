using System.Globalization;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

/// <summary>Maps a placed order to VTmarketing's confirmation event (docs/vendors.md §3), re-reading the order at send time.</summary>
public class VtMarketingPayloadBuilder(OrderDataLoader orderDataLoader)
{
    public async Task<PayloadBuildResult<VtMarketingEventPayload>> BuildAsync(
        DeliveryRequest request, OrderTouchpointsVtMarketingSettings settings, CancellationToken cancellationToken)
    {
        var data = await orderDataLoader.LoadAsync(request.OrderId);
        cancellationToken.ThrowIfCancellationRequested();
        if (data is null)
            return PayloadBuildResult<VtMarketingEventPayload>.CannotSend(OrderCannotSendReasons.OrderMissing(request.OrderId));
        var order = data.Order;
        var orderNumber = OrderData.FirstNonEmpty(order.CustomOrderNumber) ?? order.Id.ToString(CultureInfo.InvariantCulture);
        if (data.Email is null)
            return PayloadBuildResult<VtMarketingEventPayload>.CannotSend(OrderCannotSendReasons.NoEmail(orderNumber));

        var lines = await orderDataLoader.LoadLinesAsync(order, order.CustomerLanguageId);
        var coupons = await orderDataLoader.LoadCouponCodesAsync(order.Id);
        var redemptions = await orderDataLoader.LoadRedemptionsAsync(order);
        cancellationToken.ThrowIfCancellationRequested();

        var user = new VtMarketingUser(data.Email)
        {
            Tel = data.Phone,
            FirstName = data.FirstName,
            LastName = data.LastName,
            Country = OrderData.FirstNonEmpty(data.BillingCountry?.Name),
            City = OrderData.FirstNonEmpty(data.BillingAddress?.City)
        };
        var shipping = data.InCustomerCurrency(order.OrderShippingInclTax);
        // The order's value whatever paid it, as Engage's totalGrossPrice: OrderTotal alone leaves out gift cards and
        // reward points, and a total below the shipping it includes would be an order VTmarketing cannot make sense of.
        var total = Math.Max(data.InCustomerCurrency(redemptions.ValuePaid(order)), shipping);
        var summary = new VtMarketingOrderSummary(orderNumber, total)
        {
            Status = VtMarketingOrderStatuses.For(settings, order.OrderStatus),
            Coupons = coupons.Count > 0 ? coupons : null,
            Phone = data.Phone,
            Currency = OrderData.FirstNonEmpty(order.CustomerCurrencyCode)?.ToUpperInvariant(),
            TotalShipping = shipping
        };
        var items = lines
            .Select(line => new VtMarketingItem(VtMarketingProductIds.For(settings.ProductIdSource, line), line.Item.Quantity))
            .ToList();
        return PayloadBuildResult<VtMarketingEventPayload>.Ready(
            new VtMarketingEventPayload(user, new VtMarketingEvent(new VtMarketingConfirmation(summary, items))));
    }
}
