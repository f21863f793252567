using Nop.Plugin.Misc.OrderTouchpoints.Alerts;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Services.Configuration;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The nopCommerce schedule task (every node of a web farm runs it). It runs inside an HTTP request the
/// scheduler waits on (100 s by default), so it sends nothing itself: it wakes this node's worker — which
/// from then on follows the outbox's due times and picks up rows left by a restart or another node — then
/// purges finished rows past retention and reconciles missed placed orders, both bounded; then the owner's
/// delivery alerts (Alerts/); last, the health view's hourly counts of the hours that closed (Reports/), bounded too (the
/// report that can best wait).
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
