using LinqToDB.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Db.Tests;

/// <summary>
/// The SQL behind "nothing after a GDPR erase" and "no state twice", translated by the real providers: the erased-customer
/// table, the erase of stored reasons, the delivered state written with a delivered result and read back, the purge of
/// failed rows.
/// </summary>
[TestFixture(DatabaseKind.PostgreSQL)]
[TestFixture(DatabaseKind.MariaDB)]
public class PrivacyAndStatesOnDatabaseTests(DatabaseKind kind) : DatabaseTests(kind)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private ManualTimeProvider _time = null!;
    private DataConnection _connection = null!;
    private DbDeliveryOutbox _outbox = null!;
    private DbDeliveryReports _reports = null!;

    [SetUp]
    public async Task EmptyTables()
    {
        _time = new ManualTimeProvider();
        _connection = Database.Connect();
        await _connection.ExecuteAsync($"DELETE FROM {Database.Quote(OutboxTableMigration.TableName)}");
        await _connection.ExecuteAsync($"DELETE FROM {Database.Quote(ErasedCustomersMigration.ErasedCustomerTableName)}");
        _outbox = OutboxDatabase.Outbox(_connection, _time);
        _reports = OutboxDatabase.Reports(_connection, _time);
    }

    [TearDown]
    public async Task CloseConnection() => await _connection.DisposeAsync();

    private async Task<OrderTouchpointDelivery> FinishAsync(int orderId, TouchpointEvent touchpointEvent, DeliveryStatus status, string? reason = null,
        string? state = null)
    {
        await _outbox.EnqueueAsync(1, orderId, touchpointEvent, [TouchpointVendor.VoyadoEngage], _time.UtcNow);
        var row = (await _outbox.TakeDueAsync(1, Lease)).Single();
        Assert.That(await _outbox.RecordAttemptAsync(new AttemptResult(row.Id, row.ClaimToken!.Value, status, _time.UtcNow, _time.UtcNow,
            status == DeliveryStatus.Delivered ? 202 : 400, reason, DeliveredState: state)), Is.True);
        return await RowAsync(row.Id);
    }

    private async Task<OrderTouchpointDelivery> RowAsync(int id) =>
        (await _reports.SearchAsync(new DeliverySearch(), 0, 1000)).Single(r => r.Id == id);

    [Test]
    public async Task Erased_customers_are_recorded_once_with_their_first_time_and_found_by_customer_and_by_order()
    {
        var erased = OutboxDatabase.ErasedCustomers(_connection, OutboxDatabase.OrdersOf(orderId => orderId / 10));
        var first = _time.UtcNow;

        Assert.That(await erased.RecordAsync(7, first), Is.EqualTo(first));
        Assert.That(await erased.RecordAsync(7, first.AddHours(1)), Is.EqualTo(first), "a repeated erase keeps the first time");
        await erased.RecordAsync(9, first.AddMinutes(5));

        Assert.That(await erased.ErasedOnUtcAsync(7), Is.EqualTo(first));
        Assert.That(await erased.ErasedOnUtcAsync(8), Is.Null);
        Assert.That(await erased.ErasedAmongAsync([7, 8, 9, 7]), Is.EquivalentTo(new Dictionary<int, DateTime> { [7] = first, [9] = first.AddMinutes(5) }));
        Assert.That(await erased.ErasedOnUtcOfOrderAsync(71), Is.EqualTo(first), "order 71 belongs to customer 7 here");
        Assert.That(await erased.ErasedOnUtcOfOrderAsync(81), Is.Null);
        Assert.That(await _connection.ExecuteAsync<int>($"SELECT COUNT(*) FROM {Database.Quote(ErasedCustomersMigration.ErasedCustomerTableName)}"), Is.EqualTo(2));
    }

    [Test]
    public async Task An_erase_recorded_by_another_node_is_known_to_this_one_after_its_next_read_of_the_erased_list()
    {
        var orders = OutboxDatabase.OrdersOf(orderId => orderId / 10);
        var here = OutboxDatabase.ErasedCustomers(_connection, orders);
        var otherNode = OutboxDatabase.ErasedCustomers(_connection, orders);
        await here.RefreshAsync();
        var erasedOnUtc = _time.UtcNow;

        await otherNode.RecordAsync(7, erasedOnUtc);
        await here.RefreshAsync();

        Assert.That(await here.ErasedOnUtcOfOrderAsync(71), Is.EqualTo(erasedOnUtc), "order 71 belongs to customer 7 here");
        Assert.That(await here.ErasedOnUtcOfOrderAsync(81), Is.Null);
        Assert.That(await otherNode.ErasedOnUtcOfOrderAsync(71), Is.EqualTo(erasedOnUtc), "the node that recorded it knows at once");
    }

    [Test]
    public async Task Erasing_reasons_turns_failed_and_skipped_rows_of_the_orders_into_skipped_ones_and_empties_delivered_reasons_only_there()
    {
        var failed = await FinishAsync(1, TouchpointEvent.OrderPlaced, DeliveryStatus.Failed, "Invalid phone +46 70 123 45 67 for Åsa Lindström");
        var delivered = await FinishAsync(1, TouchpointEvent.OrderPaid, DeliveryStatus.Delivered, "echo Åsa", "Confirmed/Paid");
        var otherOrder = await FinishAsync(2, TouchpointEvent.OrderPlaced, DeliveryStatus.Failed, "HTTP 400 Other Customer");

        Assert.That(await _outbox.EraseReasonsAsync([1], "erased"), Is.EqualTo(2));

        Assert.That((await RowAsync(failed.Id)) is { Status: DeliveryStatus.Skipped, LastReason: "erased" });
        Assert.That((await RowAsync(failed.Id)).FinishedOnUtc, Is.EqualTo(failed.FinishedOnUtc), "retention still runs from when it finished");
        Assert.That((await RowAsync(delivered.Id)) is { Status: DeliveryStatus.Delivered, LastReason: null, DeliveredState: "Confirmed/Paid" });
        Assert.That((await RowAsync(otherOrder.Id)) is { Status: DeliveryStatus.Failed, LastReason: "HTTP 400 Other Customer" });
        Assert.That(await _reports.ResendFailedSinceAsync(_time.UtcNow.AddDays(-1)), Is.EqualTo(1), "only the other order's failed row");
    }

    [Test]
    public async Task A_delivered_or_answer_lost_result_stores_its_state_the_latest_is_read_back_and_a_resend_clears_it()
    {
        await FinishAsync(5, TouchpointEvent.OrderPlaced, DeliveryStatus.Delivered, state: "Confirmed/Pending");
        _time.Advance(TimeSpan.FromMinutes(1));
        var paid = await FinishAsync(5, TouchpointEvent.OrderPaid, DeliveryStatus.Delivered, state: "Confirmed/Paid");
        _time.Advance(TimeSpan.FromMinutes(1));
        var refused = await FinishAsync(5, TouchpointEvent.ShipmentSent, DeliveryStatus.Failed, "HTTP 422");

        Assert.That(refused.DeliveredState, Is.Null, "a refused post showed nothing");
        Assert.That(await _outbox.GetLastDeliveredStateAsync(1, 5, TouchpointVendor.VoyadoEngage), Is.EqualTo(new LastDeliveredState("Confirmed/Paid", TouchpointEvent.OrderPaid)));
        Assert.That(await _outbox.GetLastDeliveredStateAsync(1, 5, TouchpointVendor.Transactionale), Is.Null);
        Assert.That(await _outbox.GetLastDeliveredStateAsync(2, 5, TouchpointVendor.VoyadoEngage), Is.Null, "another store");

        _time.Advance(TimeSpan.FromMinutes(1));
        var lost = await FinishAsync(5, TouchpointEvent.OrderCancelled, DeliveryStatus.Failed, "Sent, no answer", state: "Cancelled/Paid");
        Assert.That(lost.DeliveredState, Is.EqualTo("Cancelled/Paid"), "what the post whose answer was lost may have shown");
        Assert.That(await _outbox.GetLastDeliveredStateAsync(1, 5, TouchpointVendor.VoyadoEngage),
            Is.EqualTo(new LastDeliveredState("Cancelled/Paid", TouchpointEvent.OrderCancelled, AnswerLost: true)));

        Assert.That(await _reports.ResendAsync([lost.Id, paid.Id], includeDelivered: true), Is.EqualTo(2));
        Assert.That((await RowAsync(lost.Id)).DeliveredState, Is.Null);
        Assert.That((await RowAsync(paid.Id)).DeliveredState, Is.Null);
        Assert.That(await _outbox.GetLastDeliveredStateAsync(1, 5, TouchpointVendor.VoyadoEngage),
            Is.EqualTo(new LastDeliveredState("Confirmed/Pending", TouchpointEvent.OrderPlaced)));
        Assert.That(await _reports.GetOrderIdsAsync([paid.Id, refused.Id, 999_999]), Is.EquivalentTo(new Dictionary<int, int> { [paid.Id] = 5, [refused.Id] = 5 }));
    }

    [Test]
    public async Task Purge_deletes_failed_rows_past_retention_as_it_does_delivered_and_skipped_ones()
    {
        await FinishAsync(1, TouchpointEvent.OrderPlaced, DeliveryStatus.Failed, "HTTP 400");
        await FinishAsync(2, TouchpointEvent.OrderPlaced, DeliveryStatus.Delivered);
        await FinishAsync(3, TouchpointEvent.OrderPlaced, DeliveryStatus.Skipped, "no email");
        _time.Advance(TimeSpan.FromDays(31));
        var recent = await FinishAsync(4, TouchpointEvent.OrderPlaced, DeliveryStatus.Failed, "HTTP 400");

        Assert.That(await _outbox.PurgeFinishedAsync(_time.UtcNow.AddDays(-30), batchSize: 2), Is.EqualTo(3));
        Assert.That((await _reports.SearchAsync(new DeliverySearch(), 0, 100)).Select(r => r.Id), Is.EqualTo(new[] { recent.Id }));
    }
}
