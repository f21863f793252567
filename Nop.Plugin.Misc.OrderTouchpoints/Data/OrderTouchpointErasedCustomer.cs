using Nop.Core;

namespace Nop.Plugin.Misc.OrderTouchpoints.Data;

/// <summary>
/// A customer nopCommerce erased (GDPR "delete permanently"): from then on nothing about them or their orders is sent.
/// Why a table of the plugin's own and not the Customer row: <c>GdprService.PermanentDeleteCustomerAsync</c> (4.90.3)
/// leaves the row with <c>Deleted</c>, <c>Active = false</c> and an empty <c>Email</c> and <c>Username</c>, which is
/// also what an ordinary (soft) delete of an inactive guest leaves, and it keeps the orders with their billing
/// addresses and emails. The <c>CustomerPermanentlyDeleted</c> event is the only unambiguous signal, so the consumer
/// writes its customer id here, in the store's database: every web-farm node and every restart sees it, and the checks
/// at enqueue, send, resend and reconciliation are one index seek. Only ids and a time are kept, no personal data.
/// </summary>
public class OrderTouchpointErasedCustomer : BaseEntity
{
    public int CustomerId { get; set; }

    public DateTime ErasedOnUtc { get; set; }
}
