using System.Collections.Concurrent;
using System.Reflection;
using LinqToDB;
using LinqToDB.Data;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Alerts;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.DataKit;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Messages;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Db.Tests;

/// <summary>
/// The owner's alerts in a web farm: two alert services, each over a connection of its own (two nodes of the store), sweep
/// the same store and vendor at the same moment against the plugin's alert-state table on the real database. nopCommerce's
/// message queue is a recording; the alert period is the default 60 minutes, on a clock both nodes share.
/// </summary>
[TestFixture(DatabaseKind.PostgreSQL)]
[TestFixture(DatabaseKind.MariaDB)]
[CancelAfter(180_000)]
public class FarmAlertsOnDatabaseTests(DatabaseKind kind) : DatabaseTests(kind)
{
    private const string Alert = DeliveryAlertTemplates.AlertTemplateName;
    private const string Recovered = DeliveryAlertTemplates.RecoveredTemplateName;

    private static readonly EmailAccount Account = new() { Id = 3, Email = "owner@negozio.example", DisplayName = "Negozio owner" };

    private readonly ConcurrentQueue<(string Template, string Store)> _queued = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private ManualTimeProvider _time = null!;
    private int _orderId;

    [SetUp]
    public async Task EmptyTables()
    {
        _time = new ManualTimeProvider();
        _queued.Clear();
        _errors.Clear();
        await using var connection = Database.Connect();
        await connection.GetTable<OrderTouchpointDelivery>().DeleteAsync();
        await connection.GetTable<OrderTouchpointAlertState>().DeleteAsync();
    }

    [Test]
    public async Task Two_nodes_sweeping_at_once_queue_one_alert_per_period_and_one_recovered_email()
    {
        var store = new Store { Id = 1, Name = "Negozio", Url = "https://negozio.example/", DefaultLanguageId = 2 };
        await using var nodeA = Database.Connect();
        await using var nodeB = Database.Connect();
        var (alertsA, alertsB) = (Alerts(nodeA, store), Alerts(nodeB, store));

        const int rounds = 50;
        for (var round = 0; round < rounds; round++)
        {
            await FailAsync(store.Id, TouchpointVendor.VtMarketing);
            Assert.That(await RaceAsync(alertsA, alertsB), Is.EqualTo(1), $"round {round}: the first alert");

            _time.Advance(TimeSpan.FromMinutes(5));
            Assert.That(await RaceAsync(alertsA, alertsB), Is.Zero, $"round {round}: inside the period");

            _time.Advance(TimeSpan.FromMinutes(61));
            await FailAsync(store.Id, TouchpointVendor.VtMarketing);
            Assert.That(await RaceAsync(alertsA, alertsB), Is.EqualTo(1), $"round {round}: the trouble lasts into the next period");

            _time.Advance(TimeSpan.FromMinutes(61));
            Assert.That(await RaceAsync(alertsA, alertsB), Is.EqualTo(1), $"round {round}: the trouble cleared");

            _time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.That(_queued.Count(m => m.Template == Alert), Is.EqualTo(2 * rounds));
        Assert.That(_queued.Count(m => m.Template == Recovered), Is.EqualTo(rounds));
        Assert.That(_errors, Is.Empty);
        var states = await nodeA.GetTable<OrderTouchpointAlertState>().ToListAsync();
        Assert.That(states.Select(s => (s.StoreId, s.VendorId, s.AlertedOnUtc)), Is.EqualTo(new[] { (1, (int)TouchpointVendor.VtMarketing, (DateTime?)null) }),
            "one row per store and vendor, fine again");
    }

    [Test]
    public async Task Two_nodes_alerting_a_store_and_vendor_for_the_first_time_at_once_write_one_row_and_queue_one_alert()
    {
        var stores = Enumerable.Range(11, 20).Select(id => new Store { Id = id, Name = $"Store {id}", Url = $"https://store{id}.example/", DefaultLanguageId = 2 })
            .ToArray();
        foreach (var store in stores)
            await FailAsync(store.Id, TouchpointVendor.Transactionale);
        await using var nodeA = Database.Connect();
        await using var nodeB = Database.Connect();

        Assert.That(await RaceAsync(Alerts(nodeA, stores), Alerts(nodeB, stores)), Is.EqualTo(stores.Length));

        Assert.That(_queued.Select(m => m.Store), Is.EquivalentTo(stores.Select(s => s.Name)), "one alert per store");
        var rows = await nodeA.GetTable<OrderTouchpointAlertState>().ToListAsync();
        Assert.That(rows.Select(r => r.StoreId), Is.EquivalentTo(stores.Select(s => s.Id)));
        Assert.That(rows, Has.All.Matches<OrderTouchpointAlertState>(r => r.VendorId == (int)TouchpointVendor.Transactionale && r.AlertedOnUtc == _time.UtcNow));
        Assert.That(_errors, Is.Empty);
    }

    [Test]
    public async Task An_alert_given_back_after_the_queue_failed_is_queued_by_the_other_node()
    {
        var store = new Store { Id = 5, Name = "Shop", Url = "https://shop.example/", DefaultLanguageId = 2 };
        await FailAsync(store.Id, TouchpointVendor.VoyadoEngage);
        await using var nodeA = Database.Connect();
        await using var nodeB = Database.Connect();

        Assert.That(await Alerts(nodeA, failQueue: true, store).EvaluateAsync(CancellationToken.None), Is.Zero);
        Assert.That(await nodeA.GetTable<OrderTouchpointAlertState>().Select(s => s.AlertedOnUtc).ToListAsync(), Is.EqualTo(new DateTime?[] { null }),
            "the alert is given back");
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.That(await Alerts(nodeB, store).EvaluateAsync(CancellationToken.None), Is.EqualTo(1));

        Assert.That(_queued.Select(m => m.Template), Is.EqualTo(new[] { Alert }));
    }

    private async Task<int> RaceAsync(IDeliveryAlerts one, IDeliveryAlerts other)
    {
        var queued = await Task.WhenAll(
            Task.Run(() => one.EvaluateAsync(CancellationToken.None)),
            Task.Run(() => other.EvaluateAsync(CancellationToken.None)));
        return queued.Sum();
    }

    /// <summary>One failed delivery of a new order, finished now.</summary>
    private async Task FailAsync(int storeId, TouchpointVendor vendor)
    {
        await using var connection = Database.Connect();
        var outbox = OutboxDatabase.Outbox(connection, _time);
        var orderId = Interlocked.Increment(ref _orderId);
        await outbox.EnqueueAsync(storeId, orderId, TouchpointEvent.OrderPlaced, [vendor], _time.UtcNow);
        var row = (await outbox.TakeDueAsync(10, TimeSpan.FromSeconds(30))).Single(r => r.OrderId == orderId);
        await outbox.RecordAttemptAsync(new AttemptResult(row.Id, row.ClaimToken!.Value, DeliveryStatus.Failed, _time.UtcNow, _time.UtcNow, 400,
            "HTTP 400: shop_country missing"));
    }

    private DeliveryAlertService Alerts(DataConnection connection, params Store[] stores) => Alerts(connection, failQueue: false, stores);

    /// <summary>One node's alert service: its own outbox and alert states over its own connection, nopCommerce's services faked.</summary>
    private DeliveryAlertService Alerts(DataConnection connection, bool failQueue, params Store[] stores)
    {
        var settings = FakeService<ISettingService>.Create(new Dictionary<string, Func<MethodInfo, object?[], object?>>
        {
            ["LoadSettingAsync"] = (method, _) => FakeResult.TaskFor(method, new OrderTouchpointsAlertSettings())
        });
        var storeService = FakeService<IStoreService>.Create(new Dictionary<string, Func<MethodInfo, object?[], object?>>
        {
            ["GetAllStoresAsync"] = (_, _) => Task.FromResult<IList<Store>>(stores)
        });
        var templates = FakeService<IMessageTemplateService>.Create(new Dictionary<string, Func<MethodInfo, object?[], object?>>
        {
            ["GetMessageTemplatesByNameAsync"] = (_, a) =>
                Task.FromResult<IList<MessageTemplate>>([new MessageTemplate { Name = (string)a[0]!, IsActive = true, EmailAccountId = Account.Id }])
        });
        var accounts = FakeService<IEmailAccountService>.Create(new Dictionary<string, Func<MethodInfo, object?[], object?>>
        {
            ["GetEmailAccountByIdAsync"] = (_, a) => Task.FromResult((int)a[0]! == Account.Id ? Account : null!)
        });
        var workflow = FakeService<IWorkflowMessageService>.Create(new Dictionary<string, Func<MethodInfo, object?[], object?>>
        {
            ["SendNotificationAsync"] = (_, a) =>
            {
                if (failQueue)
                    return Task.FromException<int>(new InvalidOperationException("the queued email table is locked"));
                var tokens = (IList<Token>)a[3]!;
                _queued.Enqueue((((MessageTemplate)a[0]!).Name, Convert.ToString(tokens.Single(t => t.Key == DeliveryAlertTemplates.StoreToken).Value)!));
                return Task.FromResult(_queued.Count);
            }
        });
        var logger = FakeService<ILogger>.Create(new Dictionary<string, Func<MethodInfo, object?[], object?>>
        {
            ["ErrorAsync"] = (_, a) =>
            {
                _errors.Enqueue((string)a[0]!);
                return Task.CompletedTask;
            }
        });
        return new DeliveryAlertService(OutboxDatabase.Reports(connection, _time), new DbDeliveryAlertStates(new Linq2DbRepository<OrderTouchpointAlertState>(connection)),
            settings, storeService, FakeService<ILanguageService>.Create(new Dictionary<string, Func<MethodInfo, object?[], object?>>()), templates, accounts,
            new EmailAccountSettings { DefaultEmailAccountId = Account.Id }, workflow, logger, new DatabaseClock(_time), TestVendors.Registered);
    }
}
