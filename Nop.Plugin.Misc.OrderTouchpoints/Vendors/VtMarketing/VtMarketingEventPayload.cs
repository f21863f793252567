using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

/// <summary>
/// Body of <c>POST /v1/event/</c>: <c>{ "user": {…}, "event": { "confirmation": { "generic": {…}, "items": […] } } }</c>.
/// VTmarketing's names are case-sensitive (<c>orderId</c> is not <c>orderid</c>) and unknown keys are ignored silently,
/// so a misspelt key would be lost without an error.
/// </summary>
public sealed record VtMarketingEventPayload(
    [property: JsonPropertyName("user")] VtMarketingUser User,
    [property: JsonPropertyName("event")] VtMarketingEvent Event);

/// <summary>The event object has a single key naming the event type; orders are <c>confirmation</c>.</summary>
public sealed record VtMarketingEvent(
    [property: JsonPropertyName("confirmation")] VtMarketingConfirmation Confirmation);

public sealed record VtMarketingConfirmation(
    [property: JsonPropertyName("generic")] VtMarketingOrderSummary Generic,
    [property: JsonPropertyName("items")] IReadOnlyList<VtMarketingItem> Items);
