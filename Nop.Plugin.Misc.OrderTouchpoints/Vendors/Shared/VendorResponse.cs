using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>One HTTP exchange with a vendor: its classified outcome plus the raw body for callers that need it (Voyado ids).</summary>
public sealed record VendorResponse(DeliveryOutcome Outcome, int? StatusCode = null, string? Body = null)
{
    public bool IsSuccess => Outcome.Kind == OutcomeKind.Delivered;

    /// <summary>
    /// The request went out and no complete answer came back (attempt or client timeout, a connection that broke
    /// mid-answer): the vendor may have acted on it. <see cref="Outcome"/> already follows <see cref="UnknownOutcome"/>.
    /// </summary>
    public bool AnswerLost { get; init; }
}
