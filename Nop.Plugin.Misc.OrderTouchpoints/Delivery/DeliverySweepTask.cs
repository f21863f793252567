using Nop.Plugin.Misc.OrderTouchpoints.Alerts;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Services.Configuration;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The schedule task every node runs. It runs inside an HTTP request the scheduler waits on (100 s), so it sends nothing: it
/// wakes this node's worker, purges and reconciles (bounded), evaluates the owner's alerts and, last because it can best
/// wait, counts the hours that closed for the health view.
/// </summary>
public class DeliverySweepTask(
    DeliverySignal signal,
    DeliveryReconciler reconciler,
    IDeliveryOutbox outbox,
    IDeliveryReports reports,
    ISettingService settingService,
    TimeProvider timeProvider,
    IDeliveryAlerts alerts) : IScheduleTask
{
    public const int IntervalSeconds = 300;
    public const string TaskName = "Order touchpoints: delivery sweep";
    // nopCommerce resolves a task by the type name stored here, searching every loaded assembly (as for bundled plugins).
    public static readonly string TaskType = typeof(DeliverySweepTask).FullName!;

    // Well inside the scheduler's timeout; what is left is purged at the next run.
    private static readonly TimeSpan PurgeBudget = TimeSpan.FromSeconds(20);
    private const int PurgeBatchSize = 1000;
    private static readonly TimeSpan CountBudget = TimeSpan.FromSeconds(20);

    public async Task ExecuteAsync()
    {
        signal.Raise();

        var settings = await settingService.LoadSettingAsync<OrderTouchpointsDeliverySettings>();
        // At least a day: a purged placed-order row is then older than the reconciliation window and never queued again.
        var retention = TimeSpan.FromDays(Math.Clamp(settings.RetentionDays, 1, 3650));
        var nowUtc = timeProvider.GetUtcNow().UtcDateTime;
        using (var purgeBudget = new CancellationTokenSource(PurgeBudget))
            await outbox.PurgeFinishedAsync(nowUtc - retention, PurgeBatchSize, purgeBudget.Token);

        if (settings.ReconciliationEnabled && await reconciler.ReconcileAsync(CancellationToken.None) > 0)
            signal.Raise();

        await alerts.EvaluateAsync(CancellationToken.None);

        // Counts are kept as long as rows are, and no longer than the view reaches back.
        var countedPeriod = retention < DeliveryHistogram.CountedPeriod ? retention : DeliveryHistogram.CountedPeriod;
        using var countBudget = new CancellationTokenSource(CountBudget);
        await reports.CountFinishedHoursAsync(nowUtc - countedPeriod, nowUtc - DeliveryHistogram.HourSettleTime, countBudget.Token);
    }
}
