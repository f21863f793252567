namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>What a drain did: attempts made, and when the next waiting row is due (null: nothing waits).</summary>
public sealed record DrainResult(int Attempts, DateTime? NextDueOnUtc);
