namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>A vendor payload, or the reason (for the store owner) why the order cannot be sent to that vendor.</summary>
public sealed record PayloadBuildResult<TPayload>(TPayload? Payload, string? CannotSendReason)
    where TPayload : class
{
    public static PayloadBuildResult<TPayload> Ready(TPayload payload) => new(payload, null);

    public static PayloadBuildResult<TPayload> CannotSend(string reason) => new(null, reason);
}
