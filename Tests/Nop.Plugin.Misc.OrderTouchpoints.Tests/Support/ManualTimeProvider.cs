namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>A clock that moves only when the test says so; timers stay real (TimeProvider's defaults).</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
