using Nop.Core.Domain.Gdpr;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Services.Common;
using Nop.Services.Events;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.OrderTouchpoints.Events;

/// <summary>
/// GDPR erase: forgets the vendor contact ids saved on the customer (all stores) and stops deliveries of
/// the customer's orders that have not been sent yet, so nothing about an erased customer leaves the shop
/// afterwards. What vendors already received is erased at the vendor.
/// </summary>
public class CustomerErasureConsumer(
    IGenericAttributeService genericAttributeService,
    IOrderService orderService,
    IDeliveryOutbox outbox,
    ILogger logger) : IConsumer<CustomerPermanentlyDeleted>
{
    // nopCommerce keys a customer's generic attributes by the entity type name.
    private const string CustomerKeyGroup = "Customer";

    public const string ErasedReason = "The customer was erased (GDPR) before this delivery was sent.";

    public async Task HandleEventAsync(CustomerPermanentlyDeleted eventMessage)
    {
        try
        {
            var attributes = await genericAttributeService.GetAttributesForEntityAsync(eventMessage.CustomerId, CustomerKeyGroup);
            var contactIds = attributes.Where(a => a.Key == OrderTouchpointsDefaults.VoyadoContactIdAttribute).ToList();
            if (contactIds.Count > 0)
                await genericAttributeService.DeleteAttributesAsync(contactIds);

            var orders = await orderService.SearchOrdersAsync(customerId: eventMessage.CustomerId);
            if (orders.Count > 0)
                await outbox.SkipPendingAsync(orders.Select(o => o.Id).ToList(), ErasedReason);
        }
        catch (Exception ex)
        {
            try
            {
                await logger.ErrorAsync(
                    $"Order touchpoints: could not remove the vendor data of erased customer id {eventMessage.CustomerId} ({ex.GetType().Name}).");
            }
            catch
            {
                // Never let logging trouble reach the erase request.
            }
        }
    }
}
