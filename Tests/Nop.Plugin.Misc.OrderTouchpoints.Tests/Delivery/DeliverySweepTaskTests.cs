using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Alerts;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Services.Configuration;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Delivery;

/// <summary>The schedule task: wakes the worker (which sends), purges, reconciles, has the health view's hours counted.</summary>
public class DeliverySweepTaskTests
{
    private ManualTimeProvider _time = null!;
    private InMemoryDeliveryOutbox _outbox = null!;
    private ScriptedVendor _vendor = null!;
    private DeliveryNode _node = null!;
    private OrderTouchpointsDeliverySettings _deliverySettings = null!;
    private readonly List<Order> _orders = [];
    private Mock<IDeliveryAlerts> _alerts = null!;
    private Mock<IDeliveryReports> _reports = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task Start()
    {
        _time = new ManualTimeProvider();
        _http = new HttpClient();
        _outbox = new InMemoryDeliveryOutbox(_time);
        _vendor = await ScriptedVendor.StartAsync(_time);
        _deliverySettings = new OrderTouchpointsDeliverySettings();
        _orders.Clear();
        _alerts = new Mock<IDeliveryAlerts>();
        _reports = new Mock<IDeliveryReports>(MockBehavior.Strict);
        _reports.Setup(r => r.CountFinishedHoursAsync(It.IsAny<DateTime>(), It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).ReturnsAsync(0);
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<OrderTouchpointsDeliverySettings>(It.IsAny<int>())).ReturnsAsync(() => _deliverySettings);
        var stores = new Mock<IStoreService>();
        stores.Setup(s => s.GetAllStoresAsync()).ReturnsAsync([new Store { Id = 1 }]);
        _node = new DeliveryNode(_outbox, _time, _vendor, configure: services =>
        {
            services.AddSingleton(settings.Object);
            services.AddSingleton(stores.Object);
            services.AddSingleton(ReconciliationTests.OrderSearch(_orders).Object);
            services.AddScoped<DeliveryReconciler>();
            services.AddSingleton(_alerts.Object);
            services.AddSingleton(_reports.Object);
            services.AddScoped<DeliverySweepTask>();
            services.AddScoped<ITouchpointChannel>(sp => new LoopbackTouchpointChannel(_vendor.Server.BaseUri, _http,
                sp.GetRequiredService<VendorRequestSender>(), vendor: TouchpointVendor.VtMarketing));
        });
        // The node's own vendor (Transactionale) was switched on ten days ago; the VTmarketing channel above never was.
        _node.VendorEnabledOnUtc = _time.UtcNow.AddDays(-10);
    }

    [TearDown]
    public async Task Stop()
    {
        await _node.DisposeAsync();
        await _vendor.DisposeAsync();
        _http.Dispose();
    }

    private async Task RunTaskAsync()
    {
        await using var scope = _node.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeliverySweepTask>().ExecuteAsync();
    }

    private async Task FinishAsync(int orderId, DeliveryStatus status)
    {
        await _outbox.EnqueueAsync(1, orderId, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale], _time.UtcNow);
        var row = (await _outbox.TakeDueAsync(1, TimeSpan.FromMinutes(5))).Single();
        await _outbox.RecordAttemptAsync(new AttemptResult(row.Id, row.ClaimToken!.Value, status, _time.UtcNow, _time.UtcNow, null, null));
    }

    [Test]
    public async Task Each_run_evaluates_the_owners_delivery_alerts_once()
    {
        await RunTaskAsync();
        await RunTaskAsync();

        _alerts.Verify(a => a.EvaluateAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [TestCase(30, 30)]
    [TestCase(90, 32)]
    public async Task Each_run_has_the_closed_hours_counted_back_as_far_as_rows_are_kept_and_the_view_reaches(int retentionDays, int countedDays)
    {
        _deliverySettings.RetentionDays = retentionDays;
        var now = _time.UtcNow;

        await RunTaskAsync();

        _reports.Verify(r => r.CountFinishedHoursAsync(now.AddDays(-countedDays), now.AddMinutes(-10), It.Is<CancellationToken>(t => t.CanBeCanceled)),
            Times.Once);
    }

    [Test]
    public async Task Sends_nothing_itself_but_wakes_the_worker_which_sends_due_rows_and_settles_rows_left_by_a_dead_node()
    {
        // Order 5 was claimed by a node that died mid-send: VTmarketing may have counted it, and a repeated event
        // could count it twice, so it is failed for a person to check, never resent (the dispatcher's unknown-outcome rule).
        await _outbox.EnqueueAsync(1, 5, TouchpointEvent.OrderPlaced, [TouchpointVendor.VtMarketing], _time.UtcNow);
        await _outbox.TakeDueAsync(1, TimeSpan.FromMinutes(5));
        _time.Advance(TimeSpan.FromMinutes(6));
        await _outbox.EnqueueAsync(1, 6, TouchpointEvent.OrderPlaced, [TouchpointVendor.VtMarketing], _time.UtcNow);

        await RunTaskAsync();

        Assert.That(_vendor.Exchanges, Is.Empty, "the task runs inside the scheduler's HTTP request: no sending there");
        Assert.That(await _node.Signal.WaitAsync(TimeSpan.Zero, _time, CancellationToken.None), Is.True);
        await _node.Dispatcher.DrainAsync(CancellationToken.None);
        Assert.That(_vendor.AcceptedPerOrder(), Is.EquivalentTo(new Dictionary<int, int> { [6] = 1 }));
        var rows = _outbox.Snapshot().ToDictionary(r => r.OrderId);
        Assert.That(rows[6].Status, Is.EqualTo(DeliveryStatus.Delivered));
        Assert.That(rows[5].Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(rows[5].LastReason, Does.StartWith("Sent, no answer recorded: the process sending it stopped mid-delivery. VTmarketing may have it"));
    }

    [Test]
    public async Task Purges_every_finished_row_past_retention_failed_ones_included_and_keeps_newer_ones()
    {
        _deliverySettings.RetentionDays = 30;
        await FinishAsync(1, DeliveryStatus.Delivered);
        await FinishAsync(2, DeliveryStatus.Skipped);
        await FinishAsync(3, DeliveryStatus.Failed);
        _time.Advance(TimeSpan.FromDays(2));
        await FinishAsync(4, DeliveryStatus.Delivered);
        _time.Advance(TimeSpan.FromDays(29));

        await RunTaskAsync();

        Assert.That(_outbox.Snapshot().Select(r => r.OrderId), Is.EquivalentTo(new[] { 4 }));
    }

    [Test]
    public async Task Queues_a_missed_order_for_the_vendor_switched_on_and_wakes_the_worker()
    {
        _orders.Add(new Order { Id = 77, StoreId = 1, CreatedOnUtc = _time.UtcNow.AddHours(-3) });

        await RunTaskAsync();

        Assert.That(_outbox.Snapshot().Select(r => (r.OrderId, r.Vendor)), Is.EqualTo(new[] { (77, TouchpointVendor.Transactionale) }),
            "the VTmarketing channel was never switched on");
        Assert.That(await _node.Signal.WaitAsync(TimeSpan.Zero, _time, CancellationToken.None), Is.True, "the worker is woken to send it");
    }

    [Test]
    public async Task A_reconciled_order_is_sent_once()
    {
        _orders.Add(new Order { Id = 77, StoreId = 1, CreatedOnUtc = _time.UtcNow.AddHours(-3) });
        await RunTaskAsync();

        await DeliveryLoop.RunUntilSettledAsync(_node.Dispatcher, _time);

        Assert.That(_vendor.AcceptedPerOrder(), Is.EquivalentTo(new Dictionary<int, int> { [77] = 1 }));
    }

    [Test]
    public async Task Does_not_reconcile_when_switched_off()
    {
        _deliverySettings.ReconciliationEnabled = false;
        _orders.Add(new Order { Id = 77, StoreId = 1, CreatedOnUtc = _time.UtcNow.AddHours(-3) });

        await RunTaskAsync();

        Assert.That(_outbox.Snapshot(), Is.Empty);
    }
}
