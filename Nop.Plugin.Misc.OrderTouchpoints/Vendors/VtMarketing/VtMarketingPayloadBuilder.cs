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

        // Billing address only (docs/vendors.md §3), unlike OrderData's account fallbacks: the account's phone and
        // names are personal data VTmarketing's mapping does not ask for.
        var billingPhone = OrderData.FirstNonEmpty(data.BillingAddress?.PhoneNumber);
        var user = new VtMarketingUser(data.Email)
        {
            Tel = billingPhone,
            FirstName = OrderData.FirstNonEmpty(data.BillingAddress?.FirstName),
            LastName = OrderData.FirstNonEmpty(data.BillingAddress?.LastName),
            Country = OrderData.FirstNonEmpty(data.BillingCountry?.Name),
            City = OrderData.FirstNonEmpty(data.BillingAddress?.City)
        };
        var shipping = data.InCustomerCurrency(order.OrderShippingInclTax);
        // What was paid, by whatever means (as Engage's totalGrossPrice): OrderTotal alone leaves out gift cards and reward
        // points. An order-total discount can legitimately bring it below the shipping; it is sent as it is.
        var total = data.InCustomerCurrency(redemptions.ValuePaid(order));
        var summary = new VtMarketingOrderSummary(orderNumber, total)
        {
            Status = VtMarketingOrderStatuses.For(settings, order.OrderStatus),
            Coupons = coupons.Count > 0 ? coupons : null,
            Phone = billingPhone,
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
