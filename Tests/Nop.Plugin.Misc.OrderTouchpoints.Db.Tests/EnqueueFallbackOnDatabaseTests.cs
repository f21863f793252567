using LinqToDB.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.DataKit;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.OrderTouchpoints.Db.Tests;

/// <summary>
/// When checkout's one-statement write fails (here: the data provider names the other database, so the statement is
/// the wrong dialect), every event still reaches the outbox through nopCommerce's repository, and the owner is warned
/// once per process rather than once per checkout, with the exception's type only.
/// </summary>
[TestFixture(DatabaseKind.PostgreSQL)]
[TestFixture(DatabaseKind.MariaDB)]
[NonParallelizable]
public class EnqueueFallbackOnDatabaseTests(DatabaseKind kind) : DatabaseTests(kind)
{
    private readonly List<string> _warnings = [];
    private DataConnection _connection = null!;
    private DbDeliveryOutbox _outbox = null!;

    [SetUp]
    public async Task EmptyTable()
    {
        DbDeliveryOutbox.ForgetEnqueueFallbackLogged();
        _warnings.Clear();
        _connection = Database.Connect();
        await _connection.ExecuteAsync($"DELETE FROM {Database.Quote(OutboxTableMigration.TableName)}");
        var logger = FakeService<ILogger>.Create(new Dictionary<string, Func<System.Reflection.MethodInfo, object?[], object?>>
        {
            [nameof(ILogger.WarningAsync)] = (_, args) =>
            {
                lock (_warnings)
                    _warnings.Add((string)args[0]!);
                return Task.CompletedTask;
            }
        });
        var otherDialect = kind == DatabaseKind.PostgreSQL ? "MySqlConnector" : "PostgreSQL.15";
        _outbox = OutboxDatabase.Outbox(_connection, new ManualTimeProvider(), new Linq2DbDataProvider(_connection, otherDialect), logger: logger);
    }

    [TearDown]
    public async Task CloseConnection()
    {
        DbDeliveryOutbox.ForgetEnqueueFallbackLogged();
        await _connection.DisposeAsync();
    }

    [Test]
    public async Task A_failing_statement_falls_back_to_the_repository_for_every_event_and_warns_once()
    {
        TouchpointVendor[] vendors = [TouchpointVendor.Transactionale, TouchpointVendor.VoyadoEngage];

        var written = new List<int>();
        for (var orderId = 10; orderId < 13; orderId++)
            written.Add(await _outbox.EnqueueAsync(1, orderId, TouchpointEvent.OrderPlaced, vendors, DateTime.UtcNow));
        var repeated = await _outbox.EnqueueAsync(1, 10, TouchpointEvent.OrderPlaced, vendors, DateTime.UtcNow);

        Assert.That(written, Is.EqualTo(new[] { 2, 2, 2 }), "every event written through the repository");
        Assert.That(repeated, Is.Zero, "a repeated event still adds nothing");
        var rows = await OutboxDatabase.Reports(_connection, new ManualTimeProvider()).SearchAsync(new DeliverySearch(), 0, 100);
        Assert.That(rows.Select(r => (r.OrderId, r.Vendor)), Is.EquivalentTo(
            new[] { 10, 11, 12 }.SelectMany(orderId => vendors.Select(vendor => (orderId, vendor)))));
        Assert.That(_warnings, Has.Count.EqualTo(1), "once per process, not once per checkout");
        Assert.That(_warnings[0], Does.StartWith("Order touchpoints: the one-statement outbox write at checkout failed (")
            .And.Not.Contain("INSERT"), "the exception's type only: its text can quote the statement");
    }
}
