namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

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
