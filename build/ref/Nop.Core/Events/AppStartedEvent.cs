namespace Nop.Core.Events;

public partial class AppStartedEvent
{
    public AppStartedEvent()
    {
        StartedAtUtc = DateTime.UtcNow;
    }

    public DateTime StartedAtUtc { get; }
}
