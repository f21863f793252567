using LinqToDB.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.DataKit;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Db.Tests;

/// <summary>
/// What only the store's database can show, beside the rules every outbox keeps (<see cref="OutboxContractTests"/>):
/// checkout's enqueue is one statement per event, writes every column, and stays one statement and correct when eight
/// connections write the same event at once; a claim returns each row exactly as stored.
/// </summary>
[TestFixture(DatabaseKind.PostgreSQL)]
[TestFixture(DatabaseKind.MariaDB)]
public class OutboxOnDatabaseTests(DatabaseKind kind) : DatabaseTests(kind)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TouchpointVendor[] AllVendors = [TouchpointVendor.Transactionale, TouchpointVendor.VoyadoEngage, TouchpointVendor.VtMarketing];

    private ManualTimeProvider _time = null!;
    private DataConnection _connection = null!;
    private DbDeliveryOutbox _outbox = null!;
    private DbDeliveryReports _reports = null!;
    private Linq2DbDataProvider _dataProvider = null!;

    [SetUp]
    public async Task EmptyOutbox()
    {
        _time = new ManualTimeProvider();
        _connection = Database.Connect();
        await _connection.ExecuteAsync($"DELETE FROM {Database.Quote(OutboxTableMigration.TableName)}");
        _dataProvider = new Linq2DbDataProvider(_connection);
        _outbox = OutboxDatabase.Outbox(_connection, _time, _dataProvider);
        _reports = OutboxDatabase.Reports(_connection, _time, _dataProvider);
    }

    [TearDown]
    public async Task CloseConnection() => await _connection.DisposeAsync();

    private async Task<List<OrderTouchpointDelivery>> RowsAsync() =>
        (await _reports.SearchAsync(new DeliverySearch(), 0, 1000)).OrderBy(r => r.Id).ToList();

    [Test]
    public async Task Every_enqueue_is_one_statement_whether_it_creates_rows_or_not()
    {
        var now = _time.UtcNow;
        Assert.That(await _outbox.EnqueueAsync(1, 42, TouchpointEvent.OrderPlaced, AllVendors, now), Is.EqualTo(3));
        Assert.That(await _outbox.EnqueueAsync(1, 42, TouchpointEvent.OrderPlaced, AllVendors, now), Is.Zero);
        Assert.That(await _outbox.EnqueueAsync(1, 42, TouchpointEvent.ShipmentSent, [TouchpointVendor.VoyadoEngage], now, eventSourceId: 7), Is.EqualTo(1));

        Assert.That(_dataProvider.ExecutedStatements, Has.Count.EqualTo(3), "none fell back to the repository");
    }

    [Test]
    public async Task A_new_event_is_one_statement_writing_every_column_of_each_vendors_row()
    {
        var occurred = _time.UtcNow.AddMinutes(-3).AddTicks(120);
        _time.Advance(TimeSpan.FromTicks(4_560));

        Assert.That(await _outbox.EnqueueAsync(3, 99, TouchpointEvent.OrderRefunded, AllVendors, occurred, eventSourceId: 12_345_678_901L), Is.EqualTo(3));

        Assert.That(_dataProvider.ExecutedStatements, Has.Count.EqualTo(1));
        TestContext.Out.WriteLine(_dataProvider.ExecutedStatements[0]);
        var rows = await RowsAsync();
        Assert.That(rows.Select(r => r.Vendor), Is.EquivalentTo(AllVendors));
        Assert.That(rows, Has.All.Matches<OrderTouchpointDelivery>(r => r.Id > 0 && r.StoreId == 3 && r.OrderId == 99 && r.Event == TouchpointEvent.OrderRefunded
            && r.EventSourceId == 12_345_678_901L && r.Status == DeliveryStatus.Pending && r.Attempts == 0
            && r.NextAttemptOnUtc == _time.UtcNow && r.CreatedOnUtc == _time.UtcNow && r.EventOccurredOnUtc == occurred
            && r.ClaimToken == null && r.FirstAttemptOnUtc == null && r.VendorKey == null && r.LastReason == null && r.FinishedOnUtc == null));
    }

    [Test]
    public async Task The_same_event_again_creates_nothing_and_changes_no_stored_row()
    {
        Assert.That(await _outbox.EnqueueAsync(1, 5, TouchpointEvent.OrderPlaced, AllVendors, _time.UtcNow), Is.EqualTo(3));
        var claimed = (await _outbox.TakeDueAsync(1, Lease)).Single();
        var before = await RowsAsync();
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.That(await _outbox.EnqueueAsync(1, 5, TouchpointEvent.OrderPlaced, AllVendors, _time.UtcNow), Is.Zero);

        var after = await RowsAsync();
        Assert.That(after.Select(Snapshot), Is.EqualTo(before.Select(Snapshot)));
        Assert.That(after.Single(r => r.Id == claimed.Id).Status, Is.EqualTo(claimed.Status).And.Not.EqualTo(DeliveryStatus.Pending), "the claimed row keeps its claim");
        Assert.That(_dataProvider.ExecutedStatements.Where(sql => sql.StartsWith("INSERT")).ToList(), Has.Count.EqualTo(2), "one statement per event");
    }

    [Test]
    public async Task An_event_some_vendors_already_have_creates_only_the_missing_rows()
    {
        var first = _time.UtcNow;
        Assert.That(await _outbox.EnqueueAsync(1, 6, TouchpointEvent.OrderPaid, [TouchpointVendor.VoyadoEngage], first), Is.EqualTo(1));
        var voyado = (await _outbox.TakeDueAsync(1, Lease)).Single();
        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.That(await _outbox.EnqueueAsync(1, 6, TouchpointEvent.OrderPaid, AllVendors, _time.UtcNow), Is.EqualTo(2));

        var rows = await RowsAsync();
        Assert.That(rows, Has.Count.EqualTo(3));
        Assert.That(Snapshot(rows.Single(r => r.Vendor == TouchpointVendor.VoyadoEngage)), Is.EqualTo(Snapshot(voyado)), "the existing row is left as it was");
        Assert.That(rows.Where(r => r.Vendor != TouchpointVendor.VoyadoEngage), Has.All.Matches<OrderTouchpointDelivery>(r =>
            r.Status == DeliveryStatus.Pending && r.CreatedOnUtc == _time.UtcNow && r.EventOccurredOnUtc == _time.UtcNow));
        Assert.That(_dataProvider.ExecutedStatements.Where(sql => sql.StartsWith("INSERT")).ToList(), Has.Count.EqualTo(2), "one statement per event");
    }

    [Test]
    public async Task Eight_connections_enqueueing_the_same_event_at_once_end_with_one_row_per_vendor_and_counts_that_add_up()
    {
        const int writers = 8;
        var connections = Enumerable.Range(0, writers).Select(_ => Database.Connect()).ToList();
        try
        {
            var providers = connections.Select(c => new Linq2DbDataProvider(c)).ToList();
            var outboxes = connections.Select((c, i) => OutboxDatabase.Outbox(c, _time, providers[i])).ToList();
            // Opens each pool connection first, so the writers below meet at the database, not at the pool.
            foreach (var (outbox, i) in outboxes.Select((o, i) => (o, i)))
                await outbox.EnqueueAsync(1, 1_000 + i, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale], _time.UtcNow);

            for (var orderId = 1; orderId <= 5; orderId++)
            {
                var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var order = orderId;
                var writing = outboxes.Select(outbox => Task.Run(async () =>
                {
                    await start.Task;
                    return await outbox.EnqueueAsync(1, order, TouchpointEvent.OrderPlaced, AllVendors, _time.UtcNow);
                })).ToList();
                start.SetResult();
                var created = await Task.WhenAll(writing).WaitAsync(TimeSpan.FromSeconds(60));

                var rows = (await RowsAsync()).Where(r => r.OrderId == order).ToList();
                Assert.That(rows.Select(r => r.Vendor), Is.EquivalentTo(AllVendors), $"order {order}: one row per vendor");
                Assert.That(created.Sum(), Is.EqualTo(rows.Count), $"order {order}: the counts add up to the rows created ({string.Join(", ", created)})");
            }
            // InnoDB can pick one of several inserts of the same keys as a deadlock victim even in key order; the outbox
            // then writes that event through the repository's path. Any other refusal would be a fault of the statement.
            var refused = providers.SelectMany(p => p.RefusedStatements).ToList();
            Assert.That(refused, Has.All.Not.Null.And.StartWith("40"), "a single statement was refused only as a deadlock victim");
            Assert.That(providers.Sum(p => p.ExecutedStatements.Count) + refused.Count, Is.EqualTo(writers * 6), "every enqueue ran its single statement first");
            Assert.That(refused, Has.Count.LessThan(writers * 5 / 2), "most of the enqueues at once were their single statement");
        }
        finally
        {
            foreach (var connection in connections)
                await connection.DisposeAsync();
        }
    }

    private static object Snapshot(OrderTouchpointDelivery r) =>
        (r.Id, r.StoreId, r.OrderId, r.VendorId, r.EventId, r.EventSourceId, r.StatusId, r.Attempts, r.NextAttemptOnUtc, r.CreatedOnUtc,
            r.EventOccurredOnUtc, r.ClaimToken, r.ClaimExpiresOnUtc, r.FirstAttemptOnUtc, r.VendorKey, (r.FinishedOnUtc, r.LastReason, r.LastHttpStatus, r.SentByNode));

    [Test]
    public async Task A_claim_returns_each_row_exactly_as_it_stored_it()
    {
        for (var orderId = 1; orderId <= 5; orderId++)
            await _outbox.EnqueueAsync(1, orderId, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale], _time.UtcNow);
        _time.Advance(TimeSpan.FromSeconds(2));

        var claimed = await _outbox.ClaimDueAsync(3, Lease, "node-a:7");

        var stored = await RowsAsync();
        Assert.That(claimed, Has.Count.EqualTo(3));
        Assert.That(claimed.Select(c => Snapshot(c.Row)), Is.EqualTo(stored.Where(r => claimed.Any(c => c.Row.Id == r.Id)).Select(Snapshot)),
            "every column, as the database rounded and stored it");
    }
}
