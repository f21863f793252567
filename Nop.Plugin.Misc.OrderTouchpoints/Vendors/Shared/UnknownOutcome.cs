using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// The one rule for a request that went out without an answer (a timeout, the send time limit, a process killed before
/// recording it): the vendor may have acted on it, so only a <see cref="RepeatEffect.Harmless"/> request is repeated. Else
/// the owner is told to check at the vendor: a resend costs minutes, a second order email or an order counted twice is final.
/// </summary>
public static class UnknownOutcome
{
    public static bool MayRepeat(RepeatEffect repeat) => repeat == RepeatEffect.Harmless;

    /// <summary>
    /// <paramref name="whatHappened"/>: lower case, no final stop ("no answer within 15 s"). <paramref name="delivery"/> null:
    /// a connection test, which names no order and is never repeated automatically.
    /// </summary>
    public static DeliveryOutcome Decide(RepeatEffect repeat, VendorFacts vendor, DeliveryRequest? delivery, string whatHappened, string? vendorKey)
    {
        if (MayRepeat(repeat) || delivery is null)
            return DeliveryOutcome.Retry($"{char.ToUpperInvariant(whatHappened[0])}{whatHappened[1..]}.") with { VendorKey = vendorKey };
        return DeliveryOutcome.Rejected(Reason(vendor, delivery.OrderId, delivery.Event, whatHappened));
    }

    /// <summary>How every unknown outcome's reason begins: a bulk resend leaves such rows for a person to check one by one.</summary>
    public const string ReasonPrefix = "Sent, ";

    public static bool IsReason(string? reason) => reason is not null && reason.StartsWith(ReasonPrefix, StringComparison.Ordinal);

    /// <summary>One wording for every unknown outcome; ids only, never an email address, a key or a payload.</summary>
    public static string Reason(VendorFacts vendor, int orderId, TouchpointEvent touchpointEvent, string whatHappened) =>
        DeliveryOutcome.Trim(
            $"{ReasonPrefix}{whatHappened}. {vendor.Name} may have it: {vendor.RepeatConsequence}, so it is not sent again automatically. " +
            $"Check in {vendor.Name} whether {vendor.WhatToCheck(orderId, touchpointEvent)}, then resend it from the delivery log only if it is missing.");
}

/// <summary>What a second copy of a request does at the vendor; clients declare it per request (docs/vendors.md).</summary>
public enum RepeatEffect
{
    /// <summary>Nothing more: a read, or a write the vendor refuses as a duplicate (Engage's contact create answers 409).</summary>
    Harmless,

    /// <summary>It acts a second time at the vendor: another email to the customer, or the order counted twice.</summary>
    ActsTwice
}
