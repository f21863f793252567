using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Delivery;

/// <summary>Results are written as group commits: at once when idle, together when they finish during a write, all before a drain ends.</summary>
public class ResultWriterTests
{
    private ManualTimeProvider _time = null!;
    private InMemoryDeliveryOutbox _outbox = null!;
    private FailingRecordsOutbox _database = null!;

    [SetUp]
    public void CreateOutbox()
    {
        _time = new ManualTimeProvider();
        _outbox = new InMemoryDeliveryOutbox(_time);
        _database = new FailingRecordsOutbox(_outbox);
    }

    private async Task<List<OrderTouchpointDelivery>> StartedRowsAsync(int count)
    {
        for (var orderId = 1; orderId <= count; orderId++)
            await _outbox.EnqueueAsync(1, orderId, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale], _time.UtcNow);
        return (await _outbox.TakeDueAsync(count, TimeSpan.FromMinutes(5))).ToList();
    }

    [Test]
    public async Task Results_that_finish_while_a_write_runs_are_written_together_in_the_next_one()
    {
        var rows = await StartedRowsAsync(5);
        var slowDatabase = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _database.HoldWrites = slowDatabase.Task;
        var writer = new DeliveryResultWriter(_database);

        writer.Add(Delivered(rows[0]));
        await UntilAsync(() => _database.BatchSizes.Count == 1);
        foreach (var row in rows.Skip(1).Take(3))
            writer.Add(Delivered(row));
        writer.Add(new AttemptResult(rows[4].Id, rows[4].ClaimToken!.Value, DeliveryStatus.Pending, _time.UtcNow, _time.UtcNow.AddMinutes(1), 503, "HTTP 503"));
        slowDatabase.SetResult();
        await writer.FlushAsync();

        Assert.That(_database.BatchSizes, Is.EqualTo(new[] { 1, 4 }), "the first result at once, the four that came during its write together");
        Assert.That((writer.Batches, writer.Written), Is.EqualTo((2, 5)));
        var stored = _outbox.Snapshot();
        Assert.That(stored.Take(4), Has.All.Matches<OrderTouchpointDelivery>(r => r.Status == DeliveryStatus.Delivered
            && r.DeliveredOnUtc == _time.UtcNow && r.LastHttpStatus == 200 && r.ClaimToken == null));
        Assert.That((stored[4].Status, stored[4].NextAttemptOnUtc, stored[4].LastReason), Is.EqualTo((DeliveryStatus.Pending, _time.UtcNow.AddMinutes(1), (string?)"HTTP 503")));
    }

    [Test]
    public async Task A_batch_that_hits_transient_errors_is_retried_and_a_result_whose_claim_is_gone_is_not_written()
    {
        var rows = await StartedRowsAsync(3);
        _database.FailuresLeft = 2;
        var writer = new DeliveryResultWriter(_database);

        writer.Add(Delivered(rows[0]));
        writer.Add(Delivered(rows[1]) with { ClaimToken = Guid.NewGuid() });
        writer.Add(Delivered(rows[2]));
        await writer.FlushAsync();

        Assert.That(_database.FailedWrites, Is.EqualTo(2));
        Assert.That(writer.Written, Is.EqualTo(2));
        Assert.That(_outbox.Snapshot().Select(r => r.Status),
            Is.EqualTo(new[] { DeliveryStatus.Delivered, DeliveryStatus.InProgress, DeliveryStatus.Delivered }));
    }

    [Test]
    public async Task A_drain_stopped_by_the_application_ends_only_after_every_result_waiting_for_a_slow_database_is_written()
    {
        await using var vendor = await ScriptedVendor.StartAsync(_time);
        var orders = Enumerable.Range(1, 6).ToArray();
        foreach (var orderId in orders)
            await _outbox.EnqueueAsync(1, orderId, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale], _time.UtcNow);
        var slowDatabase = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _database.HoldWrites = slowDatabase.Task;
        await using var node = new DeliveryNode(_database, _time, vendor);
        using var stopping = new CancellationTokenSource();

        var drain = node.Dispatcher.DrainAsync(stopping.Token);
        await UntilAsync(() => vendor.Exchanges.Count == orders.Length);
        stopping.Cancel();
        await Task.Delay(100);
        Assert.That(drain.IsCompleted, Is.False, "the drain waits for the results it still has to write");
        Assert.That(_outbox.Snapshot(), Has.All.Matches<OrderTouchpointDelivery>(r => r.Status == DeliveryStatus.InProgress));

        slowDatabase.SetResult();
        try
        {
            await drain;
        }
        catch (OperationCanceledException)
        {
        }

        Assert.That(_outbox.Snapshot(), Has.All.Matches<OrderTouchpointDelivery>(r => r.Status == DeliveryStatus.Delivered));
        Assert.That(vendor.AcceptedPerOrder().Values, Has.All.EqualTo(1));
        Assert.That(_database.BatchSizes.Sum(), Is.EqualTo(orders.Length));
        Assert.That(_database.BatchSizes, Has.Count.LessThan(orders.Length), "results waiting for the slow database were written together");
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 5)
        {
            if (waited > 10_000)
                Assert.Fail("the condition did not come true within 10 s");
            await Task.Delay(5);
        }
    }

    private AttemptResult Delivered(OrderTouchpointDelivery row) =>
        new(row.Id, row.ClaimToken!.Value, DeliveryStatus.Delivered, _time.UtcNow, _time.UtcNow, 200, null);
}
