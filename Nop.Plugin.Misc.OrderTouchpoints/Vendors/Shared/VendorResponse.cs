using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>One HTTP exchange with a vendor: its classified outcome plus the raw body for callers that need it (Voyado ids).</summary>
public sealed record VendorResponse(DeliveryOutcome Outcome, int? StatusCode = null, string? Body = null)
{
    public bool IsSuccess => Outcome.Kind == OutcomeKind.Delivered;

    /// <summary>Sent, no complete answer back: the vendor may have it. <see cref="Outcome"/> already allows for that.</summary>
    public bool AnswerLost { get; init; }
}
