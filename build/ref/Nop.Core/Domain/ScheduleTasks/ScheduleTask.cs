namespace Nop.Core.Domain.ScheduleTasks;

public partial class ScheduleTask : BaseEntity
{
    public string Name { get; set; }

    public int Seconds { get; set; }

    public string Type { get; set; }

    public DateTime? LastEnabledUtc { get; set; }

    public bool Enabled { get; set; }

    public bool StopOnError { get; set; }
}
