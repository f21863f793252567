using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Polly;
using Polly.Retry;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// Drains the outbox, one drain at a time per process: claims as many due rows as there are free send slots, sends each
/// through its vendor's channel in a DI scope of its own (nopCommerce's services are scoped) and writes each result with
/// the retry it schedules. Ended vendor-key pauses get a send slot for their probe (<see cref="VendorGate"/>).
/// </summary>
public class DeliveryDispatcher(IServiceScopeFactory scopeFactory, TimeProvider timeProvider, VendorGate gate)
{
    // Names this process in the rows it sends (the delivery log's "sent by").
    private static readonly string NodeName = $"{Environment.MachineName}:{Environment.ProcessId}";

    // A result write gives up this long before its send lease would run out: past that, another node may take the row over.
    private static readonly TimeSpan RecordMargin = TimeSpan.FromSeconds(3);

    // A deadlock victim or a dropped connection while recording a result: retried until shortly before the send lease
    // runs out. A repeated write changes nothing already written.
    private static readonly ResiliencePipeline RecordRetries = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = int.MaxValue,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(2),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(exception => exception is not OperationCanceledException)
        })
        .Build();

    private readonly SemaphoreSlim _drainGate = new(1, 1);

    /// <summary>
    /// Drains until nothing is due. When the application stops nothing more is claimed; sends still running after
    /// <see cref="DrainPlan.StopGrace"/> are cut, and every result is written before it returns.
    /// </summary>
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
        var erased = scope.ServiceProvider.GetRequiredService<IErasedCustomers>();

        // On the plugin's clock, like every other time limit of a send. The registration is disposed first, so the cut is
        // never scheduled on a disposed source.
        using var stopCut = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        await using var cutOnStop = cancellationToken.Register(() => stopCut.CancelAfter(DrainPlan.StopGrace));
        using var slots = new SemaphoreSlim(plan.Concurrency, plan.Concurrency);
        var sends = new List<Task>();
        var attempts = 0;
        var orderReads = new OrderReads();
        await using (var leases = new SendLeases(scopeFactory, timeProvider))
        {
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    await slots.WaitAsync(cancellationToken);
                    var free = 1;
                    while (free < plan.Concurrency && slots.Wait(0))
                        free++;

                    IReadOnlyList<ClaimedDelivery> claimed;
                    try
                    {
                        foreach (var probe in gate.TakeDueProbes(free))
                        {
                            free--;
                            sends.Add(Task.Run(() => ProbeAsync(probe, plan, slots), CancellationToken.None));
                        }
                        if (free > 0)
                        {
                            // Before the claim: a failed read then leaves no claimed row unsent.
                            await erased.RefreshAsync(cancellationToken);
                            claimed = await outbox.ClaimDueAsync(free, DrainPlan.Lease, NodeName, cancellationToken);
                        }
                        else
                            claimed = [];
                    }
                    catch
                    {
                        slots.Release(free);
                        throw;
                    }
                    if (claimed.Count > 0)
                    {
                        attempts += claimed.Count;
                        var claimToken = claimed[0].Row.ClaimToken!.Value;
                        leases.Add(claimToken, claimed.Count, timeProvider.GetUtcNow().UtcDateTime + DrainPlan.Lease);
                        foreach (var delivery in claimed)
                            sends.Add(Task.Run(() => SendAsync(delivery, orderReads, plan, slots, leases, stopCut.Token), CancellationToken.None));
                        sends.RemoveAll(send => send.IsCompletedSuccessfully);
                    }
                    // A short claim is the last: asking again would cost two statements per checkout for nothing. A row queued
                    // meanwhile raises the signal, and rows still due are this drain's next due time.
                    if (claimed.Count < free)
                    {
                        slots.Release(free - claimed.Count);
                        break;
                    }
                }
            }
            finally
            {
                await Task.WhenAll(sends);
            }
        }

        // A probe that succeeded after the last claim released its key's parked deliveries: they are due now.
        var nextDue = await outbox.GetNextDueOnUtcAsync(CancellationToken.None);
        var nextProbe = gate.NextProbeOnUtc;
        return new DrainResult(attempts, nextProbe is { } probeOn && (nextDue is null || probeOn < nextDue) ? probeOn : nextDue);
    }

    /// <summary>The reason of a delivery whose last attempt ended with no recorded result: its node was killed mid-send.</summary>
    public static string UnknownOutcomeReason(VendorFacts vendor, OrderTouchpointDelivery row) =>
        UnknownOutcome.Reason(vendor, row.OrderId, row.Event, "no answer recorded: the process sending it stopped mid-delivery");

    private async Task SendAsync(ClaimedDelivery claimed, OrderReads drainReads, DrainPlan plan, SemaphoreSlim slots, SendLeases leases,
        CancellationToken stopCut)
    {
        var row = claimed.Row;
        var claimToken = row.ClaimToken!.Value;
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            using var orderReads = drainReads.Join(row);
            if (scope.ServiceProvider.GetService<OrderDataLoader>() is { } orders)
                orders.SharedReads = orderReads;
            var channel = scope.ServiceProvider.GetTouchpointChannel(row.Vendor);
            var vendor = channel?.Facts ?? VendorFacts.Unregistered(row.Vendor);
            AttemptResult result;
            string? parkedUnder = null;
            // Which request of the lost attempt was in flight is not known: the delivery counts as its most consequential one.
            if (claimed.OutcomeUnknown && !UnknownOutcome.MayRepeat(vendor.DeliveryRepeat))
            {
                var now = timeProvider.GetUtcNow().UtcDateTime;
                // Nothing is sent now: the attempt this claim counted is given back (the lost one was counted by its own claim).
                result = new AttemptResult(row.Id, claimToken, DeliveryStatus.Failed, now, now, null, UnknownOutcomeReason(vendor, row), Counted: false);
            }
            else
            {
                var outcome = await AttemptAsync(scope.ServiceProvider, channel, row, orderReads, plan, stopCut);
                result = RetryPolicy.Decide(row, claimToken, outcome, plan.Schedule, timeProvider.GetUtcNow().UtcDateTime, Random.Shared.NextDouble());
                if (outcome is { HeldBack: true, VendorKey: { } key } && result.Status == DeliveryStatus.Pending)
                    parkedUnder = key;
            }
            // Never with the shutdown token: an acknowledged delivery left unrecorded would later count as an unknown outcome.
            var outbox = scope.ServiceProvider.GetRequiredService<IDeliveryOutbox>();
            var budget = leases.EndsOnUtc(claimToken) - timeProvider.GetUtcNow().UtcDateTime - RecordMargin;
            using var writeBudget = new CancellationTokenSource(budget > TimeSpan.FromSeconds(1) ? budget : TimeSpan.FromSeconds(1));
            await RecordRetries.ExecuteAsync(async token => await outbox.RecordAttemptAsync(result, token), writeBudget.Token);
            // The pause ended while this send was on its way, after its key's rows were released: release this one too.
            if (parkedUnder is not null && !gate.IsPaused(parkedUnder))
                await outbox.ReleasePausedAsync(parkedUnder, writeBudget.Token);
        }
        finally
        {
            leases.Done(claimToken);
            slots.Release();
        }
    }

    // The gate's probe of a pause holds a send slot like a delivery: a drain never has more requests out than its slots.
    private async Task ProbeAsync(VendorProbe probe, DrainPlan plan, SemaphoreSlim slots)
    {
        try
        {
            await gate.ProbeAsync(probe, plan.SendTimeLimit);
        }
        finally
        {
            slots.Release();
        }
    }

    // Not given the shutdown token: cutting a request in flight leaves its outcome unknown (UnknownOutcome), so only a
    // send that would outlast the host's shutdown window is cut.
    private async Task<DeliveryOutcome> AttemptAsync(IServiceProvider services, ITouchpointChannel? channel, OrderTouchpointDelivery row,
        OrderReads.EventReads orderReads, DrainPlan plan, CancellationToken stopCut)
    {
        if (channel is null)
            return DeliveryOutcome.CannotSend($"No {row.Vendor} channel is installed.");

        using var timeLimit = new CancellationTokenSource(plan.SendTimeLimit, timeProvider);
        using var limits = CancellationTokenSource.CreateLinkedTokenSource(timeLimit.Token, stopCut);
        var request = new DeliveryRequest(row.StoreId, row.OrderId, row.Event, row.EventOccurredOnUtc, row.Attempts, row.EventSourceId);
        string WhatHappened() => stopCut.IsCancellationRequested
            ? "cut without an answer when the application stopped"
            : $"stopped after {plan.SendTimeLimit.TotalSeconds:0} s without an answer";
        try
        {
            // The customer may have been erased since the row was queued. The check is shared by the order event's sends, so
            // it is not cut by one send's limits (the others would take that for their failure); each waits within its own.
            var erased = services.GetRequiredService<IErasedCustomers>();
            if (await orderReads.GetOrReadAsync(nameof(IErasedCustomers.ErasedOnUtcOfOrderAsync), row.OrderId, 0,
                    () => erased.ErasedOnUtcOfOrderAsync(row.OrderId, CancellationToken.None)).WaitAsync(limits.Token) is { } erasedOnUtc)
                return DeliveryOutcome.CannotSend(ErasedCustomerReasons.NothingSent(erasedOnUtc));
            return await channel.DeliverAsync(request, limits.Token);
        }
        catch (SendInterruptedException interrupted) when (limits.IsCancellationRequested)
        {
            // A limit cut a request that was out: the vendor may have it, exactly as after an attempt timeout.
            return UnknownOutcome.Decide(interrupted.Repeat, channel.Facts, request, WhatHappened(), interrupted.VendorKey)
                with { DeliveredState = interrupted.PossiblyShownState };
        }
        catch (OperationCanceledException) when (limits.IsCancellationRequested)
        {
            // No request was out: nothing reached the vendor.
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

/// <summary>What a drain did: attempts made, and when the next waiting row is due (null: nothing waits).</summary>
public sealed record DrainResult(int Attempts, DateTime? NextDueOnUtc);
