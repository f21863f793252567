using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

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
    /// The outcome of a request that got no answer. <paramref name="whatHappened"/> is lower case without a
    /// final stop ("no answer within 15 s"). <paramref name="delivery"/> null: a connection test, which is
    /// never repeated automatically and names no order.
    /// </summary>
    public static DeliveryOutcome Decide(RepeatEffect repeat, VendorFacts vendor, DeliveryRequest? delivery, string whatHappened, string? vendorKey)
    {
        if (MayRepeat(repeat) || delivery is null)
            return DeliveryOutcome.Retry($"{char.ToUpperInvariant(whatHappened[0])}{whatHappened[1..]}.") with { VendorKey = vendorKey };
        return DeliveryOutcome.Rejected(Reason(vendor, delivery.OrderId, delivery.Event, whatHappened));
    }

    /// <summary>
    /// The reason of every delivery failed for an unknown outcome, whichever way it came about, so the delivery
    /// log reads the same. Built from ids only: never an email address, a key or a payload.
    /// </summary>
    public static string Reason(VendorFacts vendor, int orderId, TouchpointEvent touchpointEvent, string whatHappened) =>
        DeliveryOutcome.Trim(
            $"Sent, {whatHappened}. {vendor.Name} may have it: {vendor.RepeatConsequence}, so it is not sent again automatically. " +
            $"Check in {vendor.Name} whether {vendor.WhatToCheck(orderId, touchpointEvent)}, then resend it from the delivery log only if it is missing.");
}

/// <summary>
/// What sending one vendor request a second time does when the first one may already have arrived. Each
/// client declares it per request (docs/vendors.md), and <see cref="UnknownOutcome"/> decides from it.
/// </summary>
public enum RepeatEffect
{
    /// <summary>Nothing more: a read, or a write the vendor refuses as a duplicate (Engage's contact create answers 409).</summary>
    Harmless,

    /// <summary>It acts a second time at the vendor: another email to the customer, or the order counted twice.</summary>
    ActsTwice
}
