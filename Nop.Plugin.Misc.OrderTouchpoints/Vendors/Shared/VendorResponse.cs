using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>One HTTP exchange with a vendor: its classified outcome plus the raw body for callers that need it (Voyado ids).</summary>
public sealed record VendorResponse(DeliveryOutcome Outcome, int? StatusCode = null, string? Body = null)
{
    public bool IsSuccess => Outcome.Kind == OutcomeKind.Delivered;

    /// <summary>
    /// The request went out and no answer came back (attempt or client timeout): the vendor may have acted on it.
    /// A vendor that does not deduplicate decides whether a retry is worth a possible duplicate.
    /// </summary>
    public bool AnswerLost { get; init; }
}
