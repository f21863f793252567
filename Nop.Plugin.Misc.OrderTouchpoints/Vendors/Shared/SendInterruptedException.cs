namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>Cut by the send time limit once out, so the vendor may have it: <see cref="UnknownOutcome"/> decides.</summary>
public sealed class SendInterruptedException(RepeatEffect repeat, string vendorKey, CancellationToken cancellationToken)
    : OperationCanceledException("The request was cancelled while waiting for the vendor's answer.", cancellationToken)
{
    public RepeatEffect Repeat { get; } = repeat;

    /// <summary>The vendor key (<see cref="VendorKey.Name"/>) a retry of a harmless request waits for; never the API key itself.</summary>
    public string VendorKey { get; } = vendorKey;

    /// <summary>
    /// The state the cut request may have shown the vendor (an Engage order post), kept like a lost answer's so that a later
    /// post showing it again is held for the owner.
    /// </summary>
    public string? PossiblyShownState { get; set; }
}
