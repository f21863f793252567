using Nop.Core.Domain.Gdpr;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Services.Common;
using Nop.Services.Events;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.OrderTouchpoints.Events;

/// <summary>
/// GDPR erase: remembers that the customer was erased (<see cref="IErasedCustomers"/>: nothing about them or their orders
/// is sent from now on, whatever event, resend or reconciliation comes later), forgets the vendor contact ids saved on
/// the customer (all stores), skips the deliveries of the customer's orders that have not been sent, and drops the
/// reasons stored on their finished deliveries (a vendor's answer can quote the customer). nopCommerce keeps the orders
/// with their billing addresses, so without this a later status change would look the customer up by that email again.
/// What vendors already received is erased at the vendor.
/// </summary>
public class CustomerErasureConsumer(
    IErasedCustomers erasedCustomers,
    IGenericAttributeService genericAttributeService,
    IOrderService orderService,
    IDeliveryOutbox outbox,
    ILogger logger,
    TimeProvider timeProvider) : IConsumer<CustomerPermanentlyDeleted>
{
    // nopCommerce keys a customer's generic attributes by the entity type name.
    private const string CustomerKeyGroup = "Customer";

    public async Task HandleEventAsync(CustomerPermanentlyDeleted eventMessage)
    {
        var customerId = eventMessage.CustomerId;
        var erasedOnUtc = timeProvider.GetUtcNow().UtcDateTime;
        // First and on its own: the record is what keeps every later path from sending, even if a step below fails.
        await TryAsync(customerId, "remember the erase", async () => erasedOnUtc = await erasedCustomers.RecordAsync(customerId, erasedOnUtc));
        await TryAsync(customerId, "forget the saved vendor contact ids", async () =>
        {
            var attributes = await genericAttributeService.GetAttributesForEntityAsync(customerId, CustomerKeyGroup);
            var contactIds = attributes.Where(a => a.Key == OrderTouchpointsDefaults.VoyadoContactIdAttribute).ToList();
            if (contactIds.Count > 0)
                await genericAttributeService.DeleteAttributesAsync(contactIds);
        });
        await TryAsync(customerId, "stop the deliveries of the customer's orders", async () =>
        {
            var orders = await orderService.SearchOrdersAsync(customerId: customerId);
            if (orders.Count == 0)
                return;
            var orderIds = orders.Select(o => o.Id).ToList();
            var reason = ErasedCustomerReasons.NothingSent(erasedOnUtc);
            await outbox.SkipPendingAsync(orderIds, reason);
            await outbox.EraseReasonsAsync(orderIds, reason);
        });
    }

    private async Task TryAsync(int customerId, string step, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex)
        {
            try
            {
                await logger.ErrorAsync(
                    $"Order touchpoints: could not {step} of erased customer id {customerId} ({ex.GetType().Name}).");
            }
            catch
            {
                // Never let logging trouble reach the erase request.
            }
        }
    }
}
