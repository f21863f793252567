namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// The caller's cancellation (the dispatcher's send time limit) ended a request after it was handed to the
/// network, so the vendor may have acted on it. Carries what a repeat of that request would do, so the
/// dispatcher can apply <see cref="UnknownOutcome"/> instead of retrying blindly.
/// </summary>
public sealed class SendInterruptedException(RepeatEffect repeat, string vendorKey, CancellationToken cancellationToken)
    : OperationCanceledException("The request was cancelled while waiting for the vendor's answer.", cancellationToken)
{
    public RepeatEffect Repeat { get; } = repeat;

    /// <summary>The vendor key (<see cref="VendorKey.Name"/>) a retry of a harmless request waits for; never the API key itself.</summary>
    public string VendorKey { get; } = vendorKey;
}
