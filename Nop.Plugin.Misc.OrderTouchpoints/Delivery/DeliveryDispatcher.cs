using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// Drains the outbox: claims due rows in batches into a send queue (claimed, not yet sent), starts queued rows
/// as send slots free up (the durable "send started" mark), sends each through its vendor's channel in a DI scope
/// of its own (nopCommerce services are scoped), and hands the outcome to a <see cref="DeliveryResultWriter"/>,
/// which records it and schedules the retry in batches. At most MaxConcurrentSends attempts run at once, and one
/// drain at a time per process (a singleton); other processes are kept off the same rows by the outbox claim.
/// Before each start it releases the deliveries parked under vendor keys that answered again, and takes one parked
/// delivery for each pause that has ended: the vendor is probed with its connection test before that delivery is
/// sent (<see cref="VendorPauses"/>).
/// </summary>
public class DeliveryDispatcher(IServiceScopeFactory scopeFactory, TimeProvider timeProvider, VendorPauses pauses)
{
    private readonly SemaphoreSlim _drainGate = new(1, 1);

    /// <summary>Drains until nothing is due, after any drain already running in this process.</summary>
    public async Task<DrainResult> DrainAsync(CancellationToken cancellationToken)
    {
        await _drainGate.WaitAsync(cancellationToken);
        try
        {
            return await DrainDueRowsAsync(cancellationToken);
        }
        finally
        {
            _drainGate.Release();
        }
    }

    private async Task<DrainResult> DrainDueRowsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var settings = await scope.ServiceProvider.GetRequiredService<ISettingService>().LoadSettingAsync<OrderTouchpointsDeliverySettings>();
        var plan = DrainPlan.From(settings);
        var outbox = scope.ServiceProvider.GetRequiredService<IDeliveryOutbox>();

        // Results go through a writer with a scope (and data connection) of its own, written while claims go on.
        await using var writerScope = scopeFactory.CreateAsyncScope();
        var results = new DeliveryResultWriter(writerScope.ServiceProvider.GetRequiredService<IDeliveryOutbox>());
        using var slots = new SemaphoreSlim(plan.Concurrency, plan.Concurrency);
        var sends = new List<Task>();
        var queue = new Queue<OrderTouchpointDelivery>();
        var attempts = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await slots.WaitAsync(cancellationToken);
                var free = 1;
                while (free < plan.Concurrency && slots.Wait(0))
                    free++;

                List<ClaimedRow> rows;
                try
                {
                    rows = await TakeAsync(outbox, queue, free, plan, cancellationToken);
                }
                catch
                {
                    slots.Release(free);
                    throw;
                }
                if (rows.Count < free)
                    slots.Release(free - rows.Count);
                if (rows.Count == 0)
                {
                    // Queued rows that could not be started (another node took them over) were dropped: try the rest.
                    if (queue.Count == 0)
                        break;
                    continue;
                }

                attempts += rows.Count;
                foreach (var claimed in rows)
                    sends.Add(Task.Run(() => SendAsync(claimed, plan, slots, results), CancellationToken.None));
                sends.RemoveAll(send => send.IsCompletedSuccessfully);
            }
        }
        finally
        {
            // Also on shutdown: every send in flight finishes and every result is written before the drain ends;
            // what is still queued was never sent and goes back to pending for any node.
            try
            {
                await Task.WhenAll(sends);
            }
            finally
            {
                try
                {
                    await results.FlushAsync();
                }
                finally
                {
                    await ReturnQueuedAsync(outbox, queue);
                }
            }
        }

        // A probe that succeeded after the last claim: its key's parked deliveries are due now.
        if (pauses.HasResumed)
            return new DrainResult(attempts, timeProvider.GetUtcNow().UtcDateTime);
        var nextDue = await outbox.GetNextDueOnUtcAsync(cancellationToken);
        var nextProbe = pauses.NextProbeOnUtc;
        return new DrainResult(attempts, nextProbe is { } probe && (nextDue is null || probe < nextDue) ? probe : nextDue);
    }

    /// <summary>
    /// A row being sent (in progress); <see cref="Abandoned"/>: taken over from a node that stopped mid-attempt, outcome
    /// unknown; <see cref="ProbeOf"/>: the paused vendor key this row waits for, probed before the row is sent.
    /// </summary>
    private sealed record ClaimedRow(OrderTouchpointDelivery Row, bool Abandoned = false, string? ProbeOf = null);

    /// <summary>
    /// Up to <paramref name="free"/> rows to send now, each already in progress: due probes, then (when the queue runs
    /// low) abandoned rows, then queued rows started in one write. The queue is refilled with a claim batch before it
    /// runs dry, so a slot that frees up rarely waits for a claim.
    /// </summary>
    private async Task<List<ClaimedRow>> TakeAsync(IDeliveryOutbox outbox, Queue<OrderTouchpointDelivery> queue, int free, DrainPlan plan,
        CancellationToken cancellationToken)
    {
        foreach (var resumed in pauses.TakeResumed())
            await outbox.ReleasePausedAsync(resumed, cancellationToken);

        var rows = new List<ClaimedRow>(free);
        foreach (var vendorKey in pauses.TakeDueProbes(free))
        {
            if (await outbox.ClaimPausedAsync(vendorKey, plan.Lease, cancellationToken) is { } probe)
                rows.Add(new ClaimedRow(probe, ProbeOf: vendorKey));
            else
                pauses.Forget(vendorKey);
        }
        if (queue.Count < plan.Concurrency)
        {
            if (rows.Count < free)
                rows.AddRange((await outbox.ClaimAbandonedAsync(free - rows.Count, plan.Lease, cancellationToken)).Select(row => new ClaimedRow(row, Abandoned: true)));
            foreach (var claimed in await outbox.ClaimDueAsync(plan.ClaimBatch, plan.Lease, cancellationToken))
                queue.Enqueue(claimed);
        }
        if (rows.Count < free && queue.Count > 0)
        {
            var next = new List<OrderTouchpointDelivery>(free - rows.Count);
            while (next.Count < free - rows.Count && queue.TryDequeue(out var queued))
                next.Add(queued);
            // Only rows the start moved are sent: one whose claim ran out and was taken over, or that was skipped, is dropped.
            rows.AddRange((await outbox.StartAsync(next, plan.Lease, cancellationToken)).Select(row => new ClaimedRow(row)));
        }
        return rows;
    }

    private static async Task ReturnQueuedAsync(IDeliveryOutbox outbox, Queue<OrderTouchpointDelivery> queue)
    {
        if (queue.Count == 0)
            return;
        try
        {
            await outbox.ReturnClaimedAsync(queue.ToList(), CancellationToken.None);
        }
        catch (Exception)
        {
            // Best effort: rows not returned come due again when their claim's lease runs out (they were never sent).
        }
        queue.Clear();
    }

    /// <summary>
    /// Whether a delivery whose last attempt ended with no recorded result (its node was killed mid-send) may
    /// simply be sent again: the same rule as for an answer lost to a timeout (<see cref="UnknownOutcome"/>).
    /// Which request was in flight is not known, so the delivery counts as its most consequential request;
    /// every vendor today makes one that acts twice (Engage's order post and Transactionale's post email the
    /// customer again, VTmarketing may count the order twice), so none is resent blindly.
    /// </summary>
    public static bool ResendsAfterUnknownOutcome(TouchpointVendor vendor) => UnknownOutcome.MayRepeat(UnknownOutcome.OfDelivery(vendor));

    public static string UnknownOutcomeReason(OrderTouchpointDelivery row) =>
        UnknownOutcome.Reason(row.Vendor, row.OrderId, row.Event, "no answer recorded: the process sending it stopped mid-delivery");

    private async Task SendAsync(ClaimedRow claimed, DrainPlan plan, SemaphoreSlim slots, DeliveryResultWriter results)
    {
        var row = claimed.Row;
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            AttemptResult result;
            if (claimed.Abandoned && !ResendsAfterUnknownOutcome(row.Vendor))
            {
                var now = timeProvider.GetUtcNow().UtcDateTime;
                // Nothing is sent now: the attempt the take-over counted is given back (the lost one was counted at its start).
                result = new AttemptResult(row.Id, row.ClaimToken!.Value, DeliveryStatus.Failed, now, now, null, UnknownOutcomeReason(row), Counted: false);
            }
            else
            {
                var outcome = await AttemptAsync(scope.ServiceProvider, row, plan, claimed.ProbeOf);
                result = RetryPolicy.Decide(row, row.ClaimToken!.Value, outcome, plan.Schedule,
                    timeProvider.GetUtcNow().UtcDateTime, Random.Shared.NextDouble());
            }
            // The slot is free once the result is queued: the writer records it (with retries, never cancelled).
            results.Add(result);
        }
        finally
        {
            slots.Release();
        }
    }

    // Not given the shutdown token: a request in flight may already have reached the vendor, and cutting it
    // would leave its outcome unknown (a delivery failed for a person to check, see UnknownOutcome). An
    // application stop ends the claiming; sends in flight finish within their time limit and are recorded.
    private async Task<DeliveryOutcome> AttemptAsync(IServiceProvider services, OrderTouchpointDelivery row, DrainPlan plan, string? probeOf)
    {
        var channel = services.GetServices<ITouchpointChannel>().FirstOrDefault(c => c.Vendor == row.Vendor);
        if (channel is null)
            return DeliveryOutcome.CannotSend($"No {row.Vendor} channel is installed.");

        using var timeLimit = new CancellationTokenSource(plan.SendTimeLimit, timeProvider);
        var request = new DeliveryRequest(row.StoreId, row.OrderId, row.Event, row.EventOccurredOnUtc, row.Attempts);
        try
        {
            // Checked again right before the payload is built: the customer may have been erased after the row was queued.
            if (await services.GetRequiredService<IErasedCustomers>().ErasedOnUtcOfOrderAsync(row.OrderId, timeLimit.Token) is { } erasedOnUtc)
                return DeliveryOutcome.CannotSend(ErasedCustomerReasons.NothingSent(erasedOnUtc));

            // The probe of a pause is the channel's connection test, which reaches no customer: were it the delivery
            // itself, a vendor that still does not answer would leave its outcome unknown, and with the unknown-outcome
            // rule every pause of a long outage would fail one delivery for a person to check.
            if (probeOf is not null)
            {
                await channel.TestConnectionAsync(row.StoreId, timeLimit.Token);
                if (pauses.IsPaused(probeOf))
                    return DeliveryOutcome.HeldBackLocally(
                        "Paused: the vendor still failed when probed; sending resumes automatically when it answers again.", null, probeOf);
            }
            return await channel.DeliverAsync(request, timeLimit.Token);
        }
        catch (SendInterruptedException interrupted) when (timeLimit.IsCancellationRequested)
        {
            // The limit cut a request that was out: the vendor may have it, exactly as after an attempt timeout.
            return UnknownOutcome.Decide(interrupted.Repeat, row.Vendor, request,
                $"stopped after {plan.SendTimeLimit.TotalSeconds:0} s without an answer", interrupted.VendorKey);
        }
        catch (OperationCanceledException) when (timeLimit.IsCancellationRequested)
        {
            // No request was out (the order was being read, a lease or rate-limit slot awaited): nothing reached the vendor.
            return DeliveryOutcome.Retry($"Stopped after {plan.SendTimeLimit.TotalSeconds:0} s without a result.");
        }
        catch (Exception ex)
        {
            // The exception text may quote customer data: only its type and stack go to the log and the reason.
            try
            {
                await services.GetRequiredService<ILogger>().WarningAsync(
                    $"Order touchpoints: the {row.Vendor} channel failed unexpectedly on delivery {row.Id} ({ex.GetType().FullName}); it is retried.{Environment.NewLine}{ex.StackTrace}");
            }
            catch (Exception)
            {
                // Logging must not turn a retry into a lost result.
            }
            return DeliveryOutcome.Retry($"The {row.Vendor} channel failed unexpectedly ({ex.GetType().Name}); details are in System → Log.");
        }
    }
}
