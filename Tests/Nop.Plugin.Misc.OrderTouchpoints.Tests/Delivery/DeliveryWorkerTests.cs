using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Events;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Delivery;

/// <summary>
/// The background worker as the host runs it. Nothing here waits on the clock: the manual clock only
/// moves when a test moves it, so every "happened" below was caused by a signal, not by time passing.
/// </summary>
public class DeliveryWorkerTests
{
    // Only a guard against a hang when something is broken; no assertion depends on it.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    private ManualTimeProvider _time = null!;
    private InMemoryDeliveryOutbox _outbox = null!;
    private ScriptedVendor _vendor = null!;
    private DeliveryNode _node = null!;

    [SetUp]
    public async Task StartVendor()
    {
        _time = new ManualTimeProvider();
        _outbox = new InMemoryDeliveryOutbox(_time);
        _vendor = await ScriptedVendor.StartAsync(_time);
        _node = new DeliveryNode(_outbox, _time, _vendor);
    }

    [TearDown]
    public async Task Stop()
    {
        await _node.DisposeAsync();
        await _vendor.DisposeAsync();
    }

    private DeliveryWorker Worker => _node.Services.GetRequiredService<DeliveryWorker>();

    [Test]
    public async Task A_placed_order_reaches_the_vendor_through_the_woken_worker_without_the_schedule_task()
    {
        var shop = ShopFixture.WithSampleOrder(out var order);
        using var scope = _node.Services.CreateScope();
        var consumer = ActivatorUtilities.CreateInstance<OrderEventsConsumer>(scope.ServiceProvider, _outbox, _node.Signal,
            shop.OrderService.Object, _node.Erased, _node.Logger.Object, _time);
        await Worker.StartAsync(CancellationToken.None);

        await consumer.HandleEventAsync(new OrderPlacedEvent(order));
        await _vendor.FirstRequest.WaitAsync(Hang);
        await WaitUntil(() => _outbox.Snapshot().Single().Status == DeliveryStatus.Delivered);

        await Worker.StopAsync(CancellationToken.None);
        Assert.That(_vendor.AcceptedPerOrder(), Is.EquivalentTo(new Dictionary<int, int> { [42] = 1 }));
        Assert.That(_outbox.Snapshot().Single().Status, Is.EqualTo(DeliveryStatus.Delivered));
    }

    [Test]
    public async Task After_a_failed_attempt_the_worker_sleeps_until_the_retry_is_due_and_then_sends_it()
    {
        var attempts = 0;
        var retried = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _vendor.Answer = (_, _) =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
                return new FakeResponse(503);
            retried.TrySetResult();
            return new FakeResponse(202, "{}");
        };
        await _outbox.EnqueueAsync(1, 7, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale], _time.UtcNow);
        await Worker.StartAsync(CancellationToken.None);

        _node.Signal.Raise();
        var retryAt = await NextDueAfterFirstAttemptAsync();
        await _time.WhenTimerScheduledAt(retryAt).WaitAsync(Hang);
        Assert.That(retried.Task.IsCompleted, Is.False, "not before the retry is due");
        _time.SetUtcNow(retryAt);
        await retried.Task.WaitAsync(Hang);
        await WaitUntil(() => _outbox.Snapshot().Single().Status == DeliveryStatus.Delivered);

        await Worker.StopAsync(CancellationToken.None);
        Assert.That(_vendor.AcceptedPerOrder(), Is.EquivalentTo(new Dictionary<int, int> { [7] = 1 }));
    }

    private async Task<DateTimeOffset> NextDueAfterFirstAttemptAsync()
    {
        await WaitUntil(() => _outbox.Snapshot().Single() is { Status: DeliveryStatus.Pending, Attempts: 1 });
        return new DateTimeOffset(DateTime.SpecifyKind(_outbox.Snapshot().Single().NextAttemptOnUtc, DateTimeKind.Utc));
    }

    /// <summary>Waits for a state the worker reaches on its own thread (polls the state, never the clock).</summary>
    private static Task WaitUntil(Func<bool> reached) => Task.Run(async () =>
    {
        while (!reached())
            await Task.Delay(5);
    }).WaitAsync(Hang);

    [Test]
    public async Task Before_its_first_signal_the_worker_touches_neither_settings_nor_the_outbox()
    {
        var outbox = new Mock<IDeliveryOutbox>(MockBehavior.Strict);
        var settings = new Mock<ISettingService>(MockBehavior.Strict);
        await using var node = new DeliveryNode(outbox.Object, _time, _vendor, configure: services =>
        {
            services.AddSingleton(outbox.Object);
            services.AddSingleton(settings.Object);
        });
        var worker = node.Services.GetRequiredService<DeliveryWorker>();

        await worker.StartAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(2));
        await worker.StopAsync(CancellationToken.None);

        outbox.VerifyNoOtherCalls();
        settings.VerifyNoOtherCalls();
        Assert.That(worker.ExecuteTask!.IsFaulted, Is.False);
    }

    [Test]
    public async Task A_failing_database_is_logged_once_per_streak_and_never_stops_the_worker()
    {
        var loads = 0;
        var thirdLoad = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<OrderTouchpointsDeliverySettings>(It.IsAny<int>())).Returns(() =>
        {
            if (Interlocked.Increment(ref loads) == 3)
                thirdLoad.TrySetResult();
            return Task.FromException<OrderTouchpointsDeliverySettings>(new TimeoutException("database unavailable"));
        });
        await using var node = new DeliveryNode(_outbox, _time, _vendor, configure: services => services.AddSingleton(settings.Object));
        var firstLog = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        node.Logger.Setup(l => l.ErrorAsync(It.IsAny<string>(), It.IsAny<Exception>(), null)).Callback(() => firstLog.TrySetResult())
            .Returns(Task.CompletedTask);
        var worker = node.Services.GetRequiredService<DeliveryWorker>();
        await worker.StartAsync(CancellationToken.None);

        node.Signal.Raise();
        await firstLog.Task.WaitAsync(Hang);
        // Each raise cuts one backoff short; keep raising until the third drain has failed too.
        await WaitUntil(() =>
        {
            node.Signal.Raise();
            return thirdLoad.Task.IsCompleted;
        });
        await worker.StopAsync(CancellationToken.None);

        node.Logger.Verify(l => l.ErrorAsync(It.Is<string>(m => m.Contains("TimeoutException")), It.IsAny<TimeoutException>(), null), Times.Once);
        Assert.That(worker.ExecuteTask!.IsFaulted, Is.False);
    }
}
