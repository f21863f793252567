using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The background sender. It touches nothing before the first <see cref="DeliverySignal"/> (at host start the plugin may not
/// be installed, the database not ready), then drains and sleeps until the next signal or due row. A failure is logged once
/// per streak and retried with backoff.
/// </summary>
public class DeliveryWorker(DeliverySignal signal, DeliveryDispatcher dispatcher, IServiceScopeFactory scopeFactory, TimeProvider timeProvider)
    : BackgroundService
{
    private static readonly TimeSpan MaxSleep = TimeSpan.FromDays(1);
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)];
    // When the outbox reports a due row that this drain could not claim (another node holds it), do not spin.
    private static readonly TimeSpan IdleRecheck = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await signal.WaitAsync(null, timeProvider, stoppingToken);
            var failures = 0;
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan? sleep;
                try
                {
                    var drained = await dispatcher.DrainAsync(stoppingToken);
                    failures = 0;
                    sleep = SleepUntil(drained);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    if (failures == 0)
                        await LogFailureAsync(ex);
                    sleep = Backoff[Math.Min(failures, Backoff.Length - 1)];
                    failures++;
                }
                await signal.WaitAsync(sleep, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Until the next due row; null (until signalled) when nothing waits.</summary>
    private TimeSpan? SleepUntil(DrainResult drained)
    {
        if (drained.NextDueOnUtc is not { } next)
            return null;
        var wait = next - timeProvider.GetUtcNow().UtcDateTime;
        if (wait <= TimeSpan.Zero)
            return drained.Attempts > 0 ? TimeSpan.Zero : IdleRecheck;
        return wait < MaxSleep ? wait : MaxSleep;
    }

    private async Task LogFailureAsync(Exception exception)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ILogger>().ErrorAsync(
                $"Order touchpoints: sending queued deliveries failed ({exception.GetType().Name}); retrying with backoff. Nothing is lost: the deliveries stay queued.",
                exception);
        }
        catch
        {
            // The log lives in the same database that just failed; the next successful drain resumes normally.
        }
    }
}
