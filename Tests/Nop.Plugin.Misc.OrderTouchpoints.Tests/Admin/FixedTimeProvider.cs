namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

/// <summary>A clock that only moves when a test moves it.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
