namespace Nop.Core.Events;

public partial class AppStartedEvent
{
}
