using Nop.Plugin.Misc.OrderTouchpoints.Alerts;
using Nop.Services.Configuration;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The nopCommerce schedule task (every node of a web farm runs it): wakes this node's worker — which
/// from then on follows the outbox's due times — and sends what is due if no drain is running here (rows
/// left by a restart or another node); then purges finished rows past retention and reconciles missed
/// placed orders; last, the owner's delivery alerts (Alerts/).
/// </summary>
public class DeliverySweepTask(
    DeliveryDispatcher dispatcher,
    DeliverySignal signal,
    DeliveryReconciler reconciler,
    IDeliveryOutbox outbox,
    ISettingService settingService,
    TimeProvider timeProvider,
    IDeliveryAlerts alerts) : IScheduleTask
{
    public const int IntervalSeconds = 300;
    public const string TaskName = "Order touchpoints: delivery sweep";
    // nopCommerce resolves a task by the type name stored here, searching every loaded assembly (as for bundled plugins).
    public static readonly string TaskType = typeof(DeliverySweepTask).FullName!;

    // The task runs inside an HTTP request that nopCommerce's scheduler waits on (100 s by default):
    // stop claiming before that; the worker, woken above, sends the rest.
    private static readonly TimeSpan ClaimBudget = TimeSpan.FromSeconds(45);
    private const int PurgeBatchSize = 1000;

    public async Task ExecuteAsync()
    {
        signal.Raise();
        await dispatcher.TryDrainAsync(ClaimBudget, CancellationToken.None);

        var settings = await settingService.LoadSettingAsync<OrderTouchpointsDeliverySettings>();
        // At least a day: a purged placed-order row is then older than the reconciliation window and never queued again.
        var retention = TimeSpan.FromDays(Math.Clamp(settings.RetentionDays, 1, 3650));
        await outbox.PurgeFinishedAsync(timeProvider.GetUtcNow().UtcDateTime - retention, PurgeBatchSize);

        if (settings.ReconciliationEnabled && await reconciler.ReconcileAsync(CancellationToken.None) > 0)
            signal.Raise();

        await alerts.EvaluateAsync(CancellationToken.None);
    }
}
