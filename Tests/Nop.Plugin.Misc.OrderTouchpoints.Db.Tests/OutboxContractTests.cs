using LinqToDB.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Db.Tests;

/// <summary>Which outbox a contract fixture runs on: the in-memory twin the unit tests and the sandbox use, or the store's tables.</summary>
public enum OutboxUnderTest
{
    InMemory,
    PostgreSQL,
    MariaDB
}

/// <summary>
/// The outbox's rules (and those of the admin's reports and resends on its rows), written once and run against every
/// implementation: the in-memory twins and DbDeliveryOutbox with DbDeliveryReports on real PostgreSQL and MariaDB servers.
/// A rule the twin keeps and a database does not (or the other way round) fails here. Another "node" is another
/// connection to the same database; for the twin it is the same instance, shared by threads as a database is shared
/// by connections.
/// </summary>
[TestFixture(OutboxUnderTest.InMemory)]
[TestFixture(OutboxUnderTest.PostgreSQL)]
[TestFixture(OutboxUnderTest.MariaDB)]
public class OutboxContractTests(OutboxUnderTest kind)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TouchpointVendor[] AllVendors = [TouchpointVendor.Transactionale, TouchpointVendor.VoyadoEngage, TouchpointVendor.VtMarketing];

    private OutboxDatabase? _database;
    private readonly List<DataConnection> _connections = [];
    private ManualTimeProvider _time = null!;
    private IDeliveryOutbox _outbox = null!;
    private IDeliveryReports _reports = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        if (kind == OutboxUnderTest.InMemory)
            return;
        var databaseKind = kind == OutboxUnderTest.PostgreSQL ? DatabaseKind.PostgreSQL : DatabaseKind.MariaDB;
        if (OutboxDatabase.ServerConnectionString(databaseKind) is not { } server)
        {
            Assert.Ignore($"No {kind} server: run build/db-servers.sh start and export its lines (build/test.sh does).");
            return;
        }
        _database = await OutboxDatabase.CreateAsync(databaseKind, server);
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [SetUp]
    public async Task EmptyOutbox()
    {
        _time = new ManualTimeProvider();
        if (_database is null)
        {
            var inMemory = new InMemoryDeliveryOutbox(_time);
            (_outbox, _reports) = (inMemory, new InMemoryDeliveryReports(inMemory));
            return;
        }
        _outbox = OtherNode();
        _reports = OutboxDatabase.Reports(_connections[0], _time);
        await _connections[0].ExecuteAsync($"DELETE FROM {_database.Quote(OutboxTableMigration.TableName)}");
    }

    [TearDown]
    public async Task CloseConnections()
    {
        foreach (var connection in _connections)
            await connection.DisposeAsync();
        _connections.Clear();
    }

    /// <summary>The same outbox as another web-farm node sees it.</summary>
    private IDeliveryOutbox OtherNode()
    {
        if (_database is null)
            return _outbox;
        var connection = _database.Connect();
        _connections.Add(connection);
        return OutboxDatabase.Outbox(connection, _time);
    }

    private Task<int> EnqueuePlaced(int orderId, params TouchpointVendor[] vendors) =>
        _outbox.EnqueueAsync(1, orderId, TouchpointEvent.OrderPlaced, vendors, _time.UtcNow);

    private async Task<List<OrderTouchpointDelivery>> RowsAsync() =>
        (await _reports.SearchAsync(new DeliverySearch(), 0, 1000)).OrderBy(r => r.Id).ToList();

    private static AttemptResult Result(OrderTouchpointDelivery row, DeliveryStatus status, DateTime at, DateTime? next = null, int? httpStatus = null,
        string? reason = null, bool counted = true, string? vendorKey = null) =>
        new(row.Id, row.ClaimToken!.Value, status, at, next ?? at, httpStatus ?? (status == DeliveryStatus.Delivered ? 202 : 503),
            reason ?? (status == DeliveryStatus.Delivered ? null : "HTTP 503"), counted, vendorKey);

    private async Task<OrderTouchpointDelivery> FinishAsync(int orderId, DeliveryStatus status, TouchpointVendor vendor = TouchpointVendor.Transactionale,
        int storeId = 1)
    {
        await _outbox.EnqueueAsync(storeId, orderId, TouchpointEvent.OrderPlaced, [vendor], _time.UtcNow);
        var row = (await _outbox.TakeDueAsync(1, Lease)).Single();
        Assert.That(await _outbox.RecordAttemptAsync(Result(row, status, _time.UtcNow)), Is.True);
        return row;
    }

    [Test]
    public async Task Enqueue_creates_one_row_per_store_order_vendor_event_and_event_source_and_a_repeat_adds_nothing()
    {
        Assert.That(await EnqueuePlaced(42, TouchpointVendor.Transactionale, TouchpointVendor.VoyadoEngage), Is.EqualTo(2));
        Assert.That(await EnqueuePlaced(42, TouchpointVendor.Transactionale, TouchpointVendor.VoyadoEngage), Is.Zero);
        Assert.That(await _outbox.EnqueueAsync(1, 42, TouchpointEvent.OrderPaid, [TouchpointVendor.VoyadoEngage], _time.UtcNow), Is.EqualTo(1));
        Assert.That(await _outbox.EnqueueAsync(2, 42, TouchpointEvent.OrderPlaced, [TouchpointVendor.VoyadoEngage], _time.UtcNow), Is.EqualTo(1));
        Assert.That(await _outbox.EnqueueAsync(1, 42, TouchpointEvent.ShipmentSent, [TouchpointVendor.VoyadoEngage], _time.UtcNow, eventSourceId: 7), Is.EqualTo(1));
        Assert.That(await _outbox.EnqueueAsync(1, 42, TouchpointEvent.ShipmentSent, [TouchpointVendor.VoyadoEngage], _time.UtcNow, eventSourceId: 8), Is.EqualTo(1));
        Assert.That(await _outbox.EnqueueAsync(1, 42, TouchpointEvent.ShipmentSent, [TouchpointVendor.VoyadoEngage], _time.UtcNow, eventSourceId: 8), Is.Zero);

        var rows = await RowsAsync();
        Assert.That(rows, Has.Count.EqualTo(6));
        Assert.That(rows, Has.All.Matches<OrderTouchpointDelivery>(r =>
            r.Status == DeliveryStatus.Pending && r.Attempts == 0 && r.NextAttemptOnUtc == _time.UtcNow && r.ClaimToken == null));
    }

    [Test]
    public async Task Nodes_enqueueing_the_same_event_at_once_end_with_one_row_per_vendor_and_counts_that_add_up()
    {
        var nodes = Enumerable.Range(0, 4).Select(_ => OtherNode()).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = nodes.Select(node => Task.Run(async () =>
        {
            await start.Task;
            return await node.EnqueueAsync(1, 7, TouchpointEvent.OrderPlaced, AllVendors, _time.UtcNow);
        })).ToList();
        start.SetResult();
        var created = await Task.WhenAll(racing).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(created.Sum(), Is.EqualTo(3));
        Assert.That((await RowsAsync()).Select(r => r.Vendor), Is.EquivalentTo(AllVendors));
    }

    [Test]
    public async Task A_claim_moves_as_many_due_rows_as_asked_straight_to_being_sent_under_one_token_with_the_attempt_counted()
    {
        for (var orderId = 1; orderId <= 5; orderId++)
            await EnqueuePlaced(orderId, TouchpointVendor.Transactionale);
        await _outbox.EnqueueAsync(1, 1, TouchpointEvent.OrderPaid, [TouchpointVendor.Transactionale], _time.UtcNow);
        Assert.That(await _outbox.SkipPendingAsync([3], "Customer data erased."), Is.EqualTo(1));
        _time.Advance(TimeSpan.FromSeconds(2));

        var claimed = await _outbox.ClaimDueAsync(3, Lease, "node-a:7");

        Assert.That(claimed.Select(c => (c.Row.OrderId, c.Row.Event)), Is.EqualTo(new[] { 1, 2, 4 }.Select(o => (o, TouchpointEvent.OrderPlaced))),
            "due order; paid waits while placed is being sent; the skipped row is not due");
        Assert.That(claimed, Has.All.Matches<ClaimedDelivery>(c => !c.OutcomeUnknown && c.Row.Status == DeliveryStatus.InProgress && c.Row.Attempts == 1
            && c.Row.FirstAttemptOnUtc == _time.UtcNow && c.Row.ClaimToken == claimed[0].Row.ClaimToken && c.Row.ClaimExpiresOnUtc == _time.UtcNow + Lease
            && c.Row.SentByNode == "node-a:7"));
        var stored = await RowsAsync();
        Assert.That(stored.Where(r => r.Status == DeliveryStatus.InProgress).Select(r => (r.Id, r.ClaimToken, r.SentByNode)),
            Is.EqualTo(claimed.Select(c => (c.Row.Id, c.Row.ClaimToken, c.Row.SentByNode))), "what the claim returns is what is stored");
        Assert.That(await _outbox.TakeDueAsync(10, Lease), Has.Count.EqualTo(1), "only order 5 is left; the claimed rows cannot be claimed again");
    }

    [Test]
    public async Task A_renewed_send_lease_holds_the_row_and_once_it_ran_out_the_row_is_claimed_first_with_its_outcome_unknown()
    {
        await EnqueuePlaced(1, TouchpointVendor.VoyadoEngage);
        var sending = (await _outbox.TakeDueAsync(10, Lease)).Single();
        _time.Advance(TimeSpan.FromSeconds(1));
        await EnqueuePlaced(2, TouchpointVendor.VoyadoEngage);
        var otherNode = OtherNode();

        _time.Advance(Lease - TimeSpan.FromSeconds(2));
        var renewedOn = _time.UtcNow;
        Assert.That(await _outbox.RenewLeasesAsync([sending.ClaimToken!.Value, Guid.NewGuid()], Lease), Is.EqualTo(1));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.That((await otherNode.ClaimDueAsync(10, Lease, "node-b:1")).Select(c => (c.Row.OrderId, c.OutcomeUnknown)), Is.EqualTo(new[] { (2, false) }),
            "past the first lease, within the renewed one");
        Assert.That(await _outbox.GetNextDueOnUtcAsync(), Is.EqualTo(renewedOn + Lease), "the lease end is when the row is due again");

        _time.Advance(Lease);
        var takenOver = (await otherNode.ClaimDueAsync(10, Lease, "node-b:1")).Select(c => (c.Row.Id, c.OutcomeUnknown, c.Row.Attempts, c.Row.SentByNode)).ToList();
        Assert.That(takenOver.Take(1), Is.EqualTo(new[] { (sending.Id, true, 2, (string?)"node-b:1") }), "the abandoned row comes first, under a new claim");
        Assert.That(await _outbox.RecordAttemptAsync(Result(sending, DeliveryStatus.Delivered, _time.UtcNow)), Is.False, "the dead claim records nothing");
        Assert.That(await _outbox.RenewLeasesAsync([sending.ClaimToken!.Value], Lease), Is.Zero, "nor renews anything");
    }

    [Test]
    public async Task An_expired_send_lease_is_claimed_under_a_new_token_whose_result_alone_is_recorded()
    {
        await EnqueuePlaced(1, TouchpointVendor.Transactionale);
        var dead = (await _outbox.TakeDueAsync(1, Lease)).Single();

        _time.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.That(await _outbox.TakeDueAsync(1, Lease), Is.Empty, "a live lease is respected");
        _time.Advance(TimeSpan.FromSeconds(1));
        var claimed = (await _outbox.ClaimDueAsync(1, Lease, OutboxTestSteps.TestNode)).Single();

        Assert.That((claimed.OutcomeUnknown, claimed.Row.Attempts), Is.EqualTo((true, 2)));
        Assert.That(claimed.Row.ClaimToken, Is.Not.EqualTo(dead.ClaimToken));
        Assert.That(await _outbox.RecordAttemptAsync(Result(dead, DeliveryStatus.Delivered, _time.UtcNow)), Is.False);
        Assert.That(await _outbox.RecordAttemptAsync(Result(claimed.Row, DeliveryStatus.Delivered, _time.UtcNow)), Is.True);
        var stored = (await RowsAsync()).Single();
        Assert.That((stored.Status, stored.DeliveredOnUtc, stored.ClaimToken), Is.EqualTo((DeliveryStatus.Delivered, (DateTime?)_time.UtcNow, (Guid?)null)));
    }

    [Test]
    public async Task Rows_not_yet_due_are_not_claimed_and_the_next_due_time_is_reported()
    {
        await EnqueuePlaced(1, TouchpointVendor.Transactionale);
        var row = (await _outbox.TakeDueAsync(1, Lease)).Single();
        var retryAt = _time.UtcNow.AddSeconds(10);
        Assert.That(await _outbox.RecordAttemptAsync(Result(row, DeliveryStatus.Pending, _time.UtcNow, retryAt)), Is.True);

        Assert.That(await _outbox.TakeDueAsync(10, Lease), Is.Empty);
        Assert.That(await _outbox.GetNextDueOnUtcAsync(), Is.EqualTo(retryAt));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.That(await _outbox.TakeDueAsync(10, Lease), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_later_event_waits_until_the_earlier_one_of_the_same_order_and_vendor_is_finished()
    {
        await EnqueuePlaced(42, TouchpointVendor.VoyadoEngage, TouchpointVendor.Transactionale);
        _time.Advance(TimeSpan.FromSeconds(1));
        await _outbox.EnqueueAsync(1, 42, TouchpointEvent.OrderPaid, [TouchpointVendor.VoyadoEngage], _time.UtcNow);
        await _outbox.EnqueueAsync(1, 43, TouchpointEvent.OrderPaid, [TouchpointVendor.VoyadoEngage], _time.UtcNow);

        var first = await _outbox.TakeDueAsync(10, Lease);
        Assert.That(first.Select(r => (r.OrderId, r.Vendor, r.Event)), Is.EquivalentTo(new[]
        {
            (42, TouchpointVendor.VoyadoEngage, TouchpointEvent.OrderPlaced),
            (42, TouchpointVendor.Transactionale, TouchpointEvent.OrderPlaced),
            (43, TouchpointVendor.VoyadoEngage, TouchpointEvent.OrderPaid)
        }), "order 42's paid event waits for its placed event at the same vendor; other vendors and orders do not");
        Assert.That(await _outbox.TakeDueAsync(10, Lease), Is.Empty, "still waiting while the placed event is being sent");
        Assert.That(await _outbox.GetNextDueOnUtcAsync(), Is.EqualTo(_time.UtcNow + Lease), "the next thing that can happen is a lease running out");

        var placed = first.Single(r => r.OrderId == 42 && r.Vendor == TouchpointVendor.VoyadoEngage);
        await _outbox.RecordAttemptAsync(Result(placed, DeliveryStatus.Pending, _time.UtcNow, _time.UtcNow.AddSeconds(10)));
        _time.Advance(TimeSpan.FromSeconds(10));
        var retried = await _outbox.TakeDueAsync(10, Lease);
        Assert.That(retried.Select(r => r.Event), Is.EqualTo(new[] { TouchpointEvent.OrderPlaced }), "a retrying earlier event still goes first");

        await _outbox.RecordAttemptAsync(Result(retried[0], DeliveryStatus.Delivered, _time.UtcNow));
        Assert.That((await _outbox.TakeDueAsync(10, Lease)).Select(r => (r.OrderId, r.Event)), Is.EqualTo(new[] { (42, TouchpointEvent.OrderPaid) }));
    }

    [TestCase(DeliveryStatus.Failed)]
    [TestCase(DeliveryStatus.Skipped)]
    public async Task An_earlier_event_that_finished_without_delivery_no_longer_holds_the_later_ones(DeliveryStatus finished)
    {
        await EnqueuePlaced(42, TouchpointVendor.VoyadoEngage);
        await _outbox.EnqueueAsync(1, 42, TouchpointEvent.OrderPaid, [TouchpointVendor.VoyadoEngage], _time.UtcNow);
        var placed = (await _outbox.TakeDueAsync(10, Lease)).Single();

        await _outbox.RecordAttemptAsync(Result(placed, finished, _time.UtcNow, httpStatus: 400, reason: "rejected"));

        Assert.That((await _outbox.TakeDueAsync(10, Lease)).Select(r => r.Event), Is.EqualTo(new[] { TouchpointEvent.OrderPaid }));
    }

    [Test]
    public async Task Nodes_claiming_one_backlog_at_once_never_claim_a_row_twice()
    {
        for (var orderId = 1; orderId <= 200; orderId++)
            await EnqueuePlaced(orderId, TouchpointVendor.Transactionale);
        var nodes = Enumerable.Range(0, 4).Select(_ => OtherNode()).ToList();

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = nodes.Select(node => Task.Run(async () =>
        {
            await start.Task;
            var mine = new List<int>();
            for (var round = 0; round < 200 && await node.TakeDueAsync(7, Lease) is { Count: > 0 } rows; round++)
                mine.AddRange(rows.Select(r => r.Id));
            return mine;
        })).ToList();
        start.SetResult();
        var claims = await Task.WhenAll(racing).WaitAsync(TimeSpan.FromSeconds(60));

        var all = claims.SelectMany(ids => ids).ToList();
        Assert.That(all, Has.Count.EqualTo(200));
        Assert.That(all, Is.Unique);
    }

    [Test]
    public async Task A_result_is_recorded_only_under_the_claim_that_made_it_and_an_uncounted_attempt_is_given_back()
    {
        await EnqueuePlaced(1, TouchpointVendor.VoyadoEngage);
        var row = (await _outbox.TakeDueAsync(1, Lease)).Single();

        Assert.That(await _outbox.RecordAttemptAsync(Result(row, DeliveryStatus.Delivered, _time.UtcNow) with { ClaimToken = Guid.NewGuid() }), Is.False);
        var parkedUntil = _time.UtcNow.AddMinutes(3);
        Assert.That(await _outbox.RecordAttemptAsync(Result(row, DeliveryStatus.Pending, _time.UtcNow, parkedUntil, counted: false, vendorKey: "20:ABCDEF")),
            Is.True);
        Assert.That(await _outbox.RecordAttemptAsync(Result(row, DeliveryStatus.Delivered, _time.UtcNow)), Is.False, "the claim is spent");

        var stored = (await RowsAsync()).Single();
        Assert.That((stored.Status, stored.Attempts, stored.VendorKey, stored.ClaimToken, stored.NextAttemptOnUtc, stored.LastHttpStatus),
            Is.EqualTo((DeliveryStatus.Pending, 0, (string?)"20:ABCDEF", (Guid?)null, parkedUntil, (int?)503)));
    }

    [Test]
    public async Task A_finished_result_keeps_the_rows_last_due_time_and_writing_it_again_changes_nothing()
    {
        await EnqueuePlaced(1, TouchpointVendor.Transactionale);
        var row = (await _outbox.TakeDueAsync(1, Lease)).Single();
        _time.Advance(TimeSpan.FromSeconds(2));
        var delivered = Result(row, DeliveryStatus.Delivered, _time.UtcNow, _time.UtcNow.AddDays(1));

        Assert.That(await _outbox.RecordAttemptAsync(delivered), Is.True);
        Assert.That(await _outbox.RecordAttemptAsync(delivered), Is.False, "written once: a retried write changes nothing");

        var stored = (await RowsAsync()).Single();
        Assert.That((stored.Status, stored.DeliveredOnUtc, stored.FinishedOnUtc, stored.ClaimToken, stored.ClaimExpiresOnUtc, stored.NextAttemptOnUtc),
            Is.EqualTo((DeliveryStatus.Delivered, (DateTime?)_time.UtcNow, (DateTime?)_time.UtcNow, (Guid?)null, (DateTime?)null, row.NextAttemptOnUtc)),
            "NextAttemptOnUtc is a pending row's due time only");
    }

    [Test]
    public async Task Parked_rows_wait_for_their_key_and_a_release_makes_them_all_due_at_once()
    {
        for (var orderId = 1; orderId <= 4; orderId++)
            await EnqueuePlaced(orderId, TouchpointVendor.Transactionale);
        var parkedUntil = _time.UtcNow.AddMinutes(3);
        foreach (var row in await _outbox.TakeDueAsync(4, Lease))
            await _outbox.RecordAttemptAsync(Result(row, DeliveryStatus.Pending, _time.UtcNow, parkedUntil, counted: false,
                vendorKey: row.OrderId == 4 ? "10:OTHER" : "10:KEY"));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.That(await _outbox.TakeDueAsync(10, Lease), Is.Empty, "parked until the vendor answers again or the backstop");

        Assert.That(await _outbox.ReleasePausedAsync("10:KEY"), Is.EqualTo(3));
        var released = await _outbox.TakeDueAsync(10, Lease);
        Assert.That(released.Select(r => r.OrderId), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(released, Has.All.Matches<OrderTouchpointDelivery>(r => r.VendorKey == null && r.Attempts == 1), "a parked attempt was given back");
    }

    [Test]
    public async Task Delivered_rows_are_never_claimed_again_until_an_admin_resends_them()
    {
        var row = await FinishAsync(1, DeliveryStatus.Delivered);
        var attemptedOn = _time.UtcNow;
        _time.Advance(TimeSpan.FromDays(3));
        Assert.That(await _outbox.TakeDueAsync(10, Lease), Is.Empty);
        Assert.That(await EnqueuePlaced(1, TouchpointVendor.Transactionale), Is.Zero, "the same event again is not a new delivery");

        Assert.That(await _reports.ResendAsync([row.Id], includeDelivered: true), Is.EqualTo(1));

        var resent = (await RowsAsync()).Single();
        Assert.That((resent.Status, resent.Attempts, resent.NextAttemptOnUtc, resent.DeliveredOnUtc),
            Is.EqualTo((DeliveryStatus.Pending, 0, _time.UtcNow, (DateTime?)null)));
        Assert.That(resent.LastAttemptOnUtc, Is.EqualTo(attemptedOn), "the last attempt stays visible");
        Assert.That(await _outbox.TakeDueAsync(10, Lease), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_row_being_sent_holds_its_orders_later_events_and_is_left_alone_by_resend_and_skip()
    {
        await EnqueuePlaced(1, TouchpointVendor.VoyadoEngage);
        await _outbox.EnqueueAsync(1, 1, TouchpointEvent.OrderPaid, [TouchpointVendor.VoyadoEngage], _time.UtcNow);
        var placed = await _outbox.TakeDueAsync(10, Lease);
        Assert.That(placed.Select(r => r.Event), Is.EqualTo(new[] { TouchpointEvent.OrderPlaced }), "paid waits while placed is being sent");

        Assert.That(await _reports.ResendAsync([placed[0].Id], includeDelivered: true), Is.Zero, "a row being sent is left alone");
        Assert.That((await _reports.GetVendorHealthAsync()).Single(h => h.Vendor == TouchpointVendor.VoyadoEngage).Waiting, Is.EqualTo(2));
        Assert.That(await _outbox.SkipPendingAsync([1], "Customer data erased."), Is.EqualTo(1), "only the row never sent is skipped");
        Assert.That((await RowsAsync()).Select(r => r.Status), Is.EqualTo(new[] { DeliveryStatus.InProgress, DeliveryStatus.Skipped }));
        Assert.That(await _outbox.RecordAttemptAsync(Result(placed[0], DeliveryStatus.Delivered, _time.UtcNow)), Is.True, "its result is still written");
    }

    [Test]
    public async Task Skip_pending_stops_the_unsent_deliveries_of_the_given_orders_only_with_the_reason()
    {
        await EnqueuePlaced(1, TouchpointVendor.Transactionale, TouchpointVendor.VtMarketing);
        await EnqueuePlaced(2, TouchpointVendor.Transactionale);

        Assert.That(await _outbox.SkipPendingAsync([1], "erased"), Is.EqualTo(2));
        var rows = await RowsAsync();
        Assert.That(rows.Where(r => r.OrderId == 1), Has.All.Matches<OrderTouchpointDelivery>(r => r.Status == DeliveryStatus.Skipped && r.LastReason == "erased"));
        Assert.That(rows.Single(r => r.OrderId == 2).Status, Is.EqualTo(DeliveryStatus.Pending));
    }

    [Test]
    public async Task Resend_failed_since_a_date_takes_only_rows_that_failed_from_then_on_for_the_given_store_and_vendor()
    {
        await FinishAsync(1, DeliveryStatus.Failed);
        _time.Advance(TimeSpan.FromHours(1));
        var since = _time.UtcNow;
        await FinishAsync(2, DeliveryStatus.Failed);
        await FinishAsync(3, DeliveryStatus.Failed, TouchpointVendor.VtMarketing);
        await FinishAsync(4, DeliveryStatus.Failed, storeId: 2);

        Assert.That(await _reports.ResendFailedSinceAsync(since, storeId: 1, vendor: TouchpointVendor.Transactionale), Is.EqualTo(1));
        Assert.That((await RowsAsync()).Where(r => r.Status == DeliveryStatus.Pending).Select(r => r.OrderId), Is.EqualTo(new[] { 2 }));
        Assert.That(await _reports.ResendFailedSinceAsync(since), Is.EqualTo(2), "no filter: every store and vendor");
    }

    [Test]
    public async Task Search_filters_and_pages_newest_first()
    {
        for (var order = 1; order <= 5; order++)
        {
            await EnqueuePlaced(order, TouchpointVendor.Transactionale, TouchpointVendor.VtMarketing);
            _time.Advance(TimeSpan.FromMinutes(1));
        }
        await _outbox.EnqueueAsync(2, 99, TouchpointEvent.OrderPaid, [TouchpointVendor.VoyadoEngage], _time.UtcNow);

        var page = await _reports.SearchAsync(new DeliverySearch(StoreId: 1, Vendor: TouchpointVendor.VtMarketing), pageIndex: 0, pageSize: 2);
        Assert.That((page.TotalCount, page.HasNextPage), Is.EqualTo((5, true)));
        Assert.That(page.Select(r => r.OrderId), Is.EqualTo(new[] { 5, 4 }));

        var start = _time.UtcNow - TimeSpan.FromMinutes(3);
        var window = await _reports.SearchAsync(new DeliverySearch(CreatedFromUtc: start, CreatedToUtc: start + TimeSpan.FromMinutes(1)), 0, 10);
        Assert.That(window.Select(r => r.OrderId).Distinct(), Is.EquivalentTo(new[] { 3, 4 }));

        var byOrder = await _reports.SearchAsync(new DeliverySearch(OrderId: 99, Event: TouchpointEvent.OrderPaid, Status: DeliveryStatus.Pending), 0, 10);
        Assert.That(byOrder.Single().Vendor, Is.EqualTo(TouchpointVendor.VoyadoEngage));
    }

    [Test]
    public async Task Vendor_health_counts_waiting_rows_and_the_last_24_hours()
    {
        await FinishAsync(1, DeliveryStatus.Delivered);
        _time.Advance(TimeSpan.FromHours(25));
        await FinishAsync(2, DeliveryStatus.Delivered);
        var lastDelivered = _time.UtcNow;
        await FinishAsync(3, DeliveryStatus.Failed);
        await EnqueuePlaced(4, TouchpointVendor.Transactionale);

        var health = (await _reports.GetVendorHealthAsync()).ToDictionary(h => h.Vendor);
        Assert.That(health[TouchpointVendor.Transactionale], Is.EqualTo(new VendorHealth(TouchpointVendor.Transactionale, 1, 1, 1, lastDelivered)));
        Assert.That(health[TouchpointVendor.VoyadoEngage], Is.EqualTo(new VendorHealth(TouchpointVendor.VoyadoEngage, 0, 0, 0, null)));
    }

    [Test]
    public async Task Orders_with_a_delivery_are_found_by_store_vendor_and_event()
    {
        await _outbox.EnqueueAsync(1, 1, TouchpointEvent.OrderPlaced, AllVendors, _time.UtcNow);
        await _outbox.EnqueueAsync(2, 2, TouchpointEvent.OrderPlaced, [TouchpointVendor.VtMarketing], _time.UtcNow);
        await _outbox.EnqueueAsync(1, 3, TouchpointEvent.OrderPaid, [TouchpointVendor.VtMarketing], _time.UtcNow);

        Assert.That(await _outbox.GetOrdersWithDeliveryAsync(1, TouchpointVendor.VtMarketing, TouchpointEvent.OrderPlaced, [1, 2, 3, 4]),
            Is.EquivalentTo(new[] { 1 }));
    }

    [Test]
    public async Task Purge_removes_every_finished_row_failed_ones_included_that_finished_before_the_cutoff()
    {
        await FinishAsync(1, DeliveryStatus.Delivered);
        await FinishAsync(2, DeliveryStatus.Skipped);
        await FinishAsync(3, DeliveryStatus.Failed);
        await EnqueuePlaced(4, TouchpointVendor.Transactionale);
        _time.Advance(TimeSpan.FromDays(31));
        await FinishAsync(5, DeliveryStatus.Delivered);

        Assert.That(await _outbox.PurgeFinishedAsync(_time.UtcNow - TimeSpan.FromDays(30), batchSize: 2), Is.EqualTo(3), "in batches, all of them");
        Assert.That((await RowsAsync()).Select(r => r.OrderId), Is.EquivalentTo(new[] { 4, 5 }));
    }

    [Test]
    public async Task Stored_reasons_are_trimmed_to_500_characters()
    {
        await EnqueuePlaced(1, TouchpointVendor.Transactionale);
        var row = (await _outbox.TakeDueAsync(1, Lease)).Single();
        await _outbox.RecordAttemptAsync(Result(row, DeliveryStatus.Failed, _time.UtcNow, httpStatus: 400, reason: new string('x', 2000)));

        Assert.That((await RowsAsync()).Single().LastReason, Has.Length.EqualTo(500));
    }
}
