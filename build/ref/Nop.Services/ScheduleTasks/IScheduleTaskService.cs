using Nop.Core.Domain.ScheduleTasks;

namespace Nop.Services.ScheduleTasks;

public partial interface IScheduleTaskService
{
    Task<ScheduleTask> GetTaskByTypeAsync(string type);

    Task InsertTaskAsync(ScheduleTask task);

    Task DeleteTaskAsync(ScheduleTask task);
}
