using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Models;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// The one rule for a request whose outcome is unknown — it went out and no answer came back: the attempt
/// timeout or the HTTP client's timeout struck, the dispatcher's send time limit cut it, or the process was
/// killed before the result was recorded. The vendor may have acted on it, so a repeat is only made when it
/// cannot act twice (<see cref="RepeatEffect.Harmless"/>). Otherwise the delivery fails with a reason that
/// tells the store owner what to look for at the vendor and to resend only if it is missing: a missing
/// delivery a person resends costs a few minutes, a second order email or an order counted twice cannot be
/// taken back. A request that never left (connection refused, DNS failure) is not an unknown outcome and
/// is retried as usual.
/// </summary>
public static class UnknownOutcome
{
    /// <summary>The rule itself: only a request whose repeat is harmless is sent again automatically.</summary>
    public static bool MayRepeat(RepeatEffect repeat) => repeat == RepeatEffect.Harmless;

    /// <summary>
    /// What a whole delivery of the vendor does when sent again, for a crash where nobody knows which of its
    /// requests was in flight: that of its most consequential request. Engage's lookup and contact creation
    /// repeat harmlessly, but its order post does not, so a crashed Engage delivery is not resent even if the
    /// process may have died before the order post.
    /// </summary>
    public static RepeatEffect OfDelivery(TouchpointVendor vendor) => vendor switch
    {
        TouchpointVendor.VoyadoEngage => VoyadoClient.OrderPostRepeat,
        TouchpointVendor.Transactionale => TransactionaleClient.PostRepeat,
        TouchpointVendor.VtMarketing => VtMarketingClient.EventRepeat,
        _ => RepeatEffect.ActsTwice
    };

    /// <summary>
    /// The outcome of a request that got no answer. <paramref name="whatHappened"/> is lower case without a
    /// final stop ("no answer within 15 s"). <paramref name="delivery"/> null: a connection test, which is
    /// never repeated automatically and names no order.
    /// </summary>
    public static DeliveryOutcome Decide(RepeatEffect repeat, TouchpointVendor vendor, DeliveryRequest? delivery, string whatHappened, string? vendorKey)
    {
        if (MayRepeat(repeat) || delivery is null)
            return DeliveryOutcome.Retry($"{char.ToUpperInvariant(whatHappened[0])}{whatHappened[1..]}.") with { VendorKey = vendorKey };
        return DeliveryOutcome.Rejected(Reason(vendor, delivery.OrderId, delivery.Event, whatHappened));
    }

    /// <summary>
    /// The reason of every delivery failed for an unknown outcome, whichever way it came about, so the delivery
    /// log reads the same. Built from ids only: never an email address, a key or a payload.
    /// </summary>
    public static string Reason(TouchpointVendor vendor, int orderId, TouchpointEvent touchpointEvent, string whatHappened)
    {
        var name = VendorNames.Of(vendor);
        // What the owner can find at each vendor: Engage stores no order, only the messages its automations
        // sent the contact; Transactionale gets no order number, only the customer; VTmarketing records the
        // order under its order number, which the owner reads on the nopCommerce order page.
        var (consequence, lookFor) = vendor switch
        {
            TouchpointVendor.VoyadoEngage => ("Engage does not drop a repeated order post and would email the customer twice",
                $"the message for order id {orderId} ({touchpointEvent}) reached the order's contact"),
            TouchpointVendor.Transactionale => ("Transactionale documents no duplicate check and would mail the customer twice",
                $"the mail for order id {orderId} ({touchpointEvent}) went out to the order's customer"),
            TouchpointVendor.VtMarketing => ("VTmarketing documents no duplicate check and could count the order twice in its reports",
                $"the order number of order id {orderId} ({touchpointEvent}) is recorded"),
            _ => ($"{name} may not drop a repeated request", $"order id {orderId} ({touchpointEvent}) arrived")
        };
        return DeliveryOutcome.Trim(
            $"Sent, {whatHappened}. {name} may have it: {consequence}, so it is not sent again automatically. " +
            $"Check in {name} whether {lookFor}, then resend it from the delivery log only if it is missing.");
    }
}
