using LinqToDB.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.DataKit;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Db.Tests;

/// <summary>
/// The outbox's rules as the store's database enforces them: the plugin's DbDeliveryOutbox, its linq2db
/// queries translated by the real provider, on real PostgreSQL and MariaDB servers.
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
    private Linq2DbDataProvider _dataProvider = null!;

    [SetUp]
    public async Task EmptyOutbox()
    {
        _time = new ManualTimeProvider();
        _connection = Database.Connect();
        await _connection.ExecuteAsync($"DELETE FROM {Database.Quote(OutboxTableMigration.TableName)}");
        _dataProvider = new Linq2DbDataProvider(_connection);
        _outbox = OutboxDatabase.Outbox(_connection, _time, _dataProvider);
    }

    [TearDown]
    public async Task CloseConnection() => await _connection.DisposeAsync();

    private static AttemptResult Result(OrderTouchpointDelivery row, DeliveryStatus status, DateTime at, DateTime next, bool counted = true, string? vendorKey = null) =>
        new(row.Id, row.ClaimToken!.Value, status, at, next, status == DeliveryStatus.Delivered ? 202 : 503, status == DeliveryStatus.Delivered ? null : "HTTP 503", counted, vendorKey);

    private async Task<List<OrderTouchpointDelivery>> RowsAsync() =>
        (await _outbox.SearchAsync(new DeliverySearch(), 0, 1000)).OrderBy(r => r.Id).ToList();

    [Test]
    public async Task Enqueue_writes_one_row_per_vendor_and_event_source_and_a_repeated_event_adds_nothing()
    {
        var now = _time.UtcNow;
        Assert.That(await _outbox.EnqueueAsync(1, 42, TouchpointEvent.OrderPlaced, AllVendors, now), Is.EqualTo(3));
        Assert.That(await _outbox.EnqueueAsync(1, 42, TouchpointEvent.OrderPlaced, AllVendors, now), Is.Zero);
        Assert.That(await _outbox.EnqueueAsync(1, 42, TouchpointEvent.ShipmentSent, [TouchpointVendor.VoyadoEngage], now, eventSourceId: 7), Is.EqualTo(1));
        Assert.That(await _outbox.EnqueueAsync(1, 42, TouchpointEvent.ShipmentSent, [TouchpointVendor.VoyadoEngage], now, eventSourceId: 8), Is.EqualTo(1));
        Assert.That(await _outbox.EnqueueAsync(1, 42, TouchpointEvent.ShipmentSent, [TouchpointVendor.VoyadoEngage], now, eventSourceId: 8), Is.Zero);

        var rows = await RowsAsync();
        Assert.That(rows, Has.Count.EqualTo(5));
        Assert.That(rows, Has.All.Matches<OrderTouchpointDelivery>(r => r.Status == DeliveryStatus.Pending && r.Attempts == 0 && r.NextAttemptOnUtc == now));
        Assert.That(_dataProvider.ExecutedStatements, Has.Count.EqualTo(5), "each enqueue is one statement, none fell back to the repository");
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
        Assert.That(_dataProvider.ExecutedStatements, Has.Count.EqualTo(2));
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
        Assert.That(_dataProvider.ExecutedStatements, Has.Count.EqualTo(2));
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
            Assert.That(providers.Sum(p => p.ExecutedStatements.Count), Is.EqualTo(writers * 6), "every enqueue was its single statement, none fell back");
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
    public async Task Concurrent_enqueues_of_the_same_event_from_two_connections_end_as_one_row_per_vendor()
    {
        await using var other = Database.Connect();
        var second = OutboxDatabase.Outbox(other, _time);
        var now = _time.UtcNow;

        var created = await Task.WhenAll(
            Task.Run(() => _outbox.EnqueueAsync(1, 7, TouchpointEvent.OrderPlaced, AllVendors, now)),
            Task.Run(() => second.EnqueueAsync(1, 7, TouchpointEvent.OrderPlaced, AllVendors, now)));

        Assert.That(created.Sum(), Is.EqualTo(3));
        Assert.That(await RowsAsync(), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_claim_takes_due_rows_oldest_first_and_an_orders_later_event_waits_for_its_earlier_one()
    {
        await _outbox.EnqueueAsync(1, 1, TouchpointEvent.OrderPlaced, [TouchpointVendor.VoyadoEngage], _time.UtcNow);
        _time.Advance(TimeSpan.FromSeconds(1));
        await _outbox.EnqueueAsync(1, 1, TouchpointEvent.OrderPaid, [TouchpointVendor.VoyadoEngage], _time.UtcNow);
        await _outbox.EnqueueAsync(1, 2, TouchpointEvent.OrderPlaced, [TouchpointVendor.VoyadoEngage], _time.UtcNow);

        var first = await _outbox.TakeDueAsync(10, Lease);

        Assert.That(first.Select(r => (r.OrderId, r.Event)), Is.EqualTo(new[] { (1, TouchpointEvent.OrderPlaced), (2, TouchpointEvent.OrderPlaced) }));
        Assert.That(first, Has.All.Matches<OrderTouchpointDelivery>(r => r.Status == DeliveryStatus.InProgress && r.Attempts == 1
            && r.ClaimToken != null && r.FirstAttemptOnUtc == _time.UtcNow && r.ClaimExpiresOnUtc == _time.UtcNow + Lease));
        Assert.That(await _outbox.TakeDueAsync(10, Lease), Is.Empty, "paid waits while placed is in progress");

        Assert.That(await _outbox.RecordAttemptAsync(Result(first[0], DeliveryStatus.Delivered, _time.UtcNow, _time.UtcNow)), Is.True);
        var paid = await _outbox.TakeDueAsync(10, Lease);
        Assert.That(paid.Select(r => (r.OrderId, r.Event)), Is.EqualTo(new[] { (1, TouchpointEvent.OrderPaid) }));
    }

    [Test]
    public async Task A_claim_moves_due_rows_straight_to_being_sent_and_returns_them_as_stored()
    {
        for (var orderId = 1; orderId <= 5; orderId++)
            await _outbox.EnqueueAsync(1, orderId, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale], _time.UtcNow);
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
        Assert.That(claimed.Select(c => Snapshot(c.Row)), Is.EqualTo(stored.Where(r => claimed.Any(c => c.Row.Id == r.Id)).Select(Snapshot)),
            "what the claim returns is what is stored");
        Assert.That(stored.Where(r => r.Status == DeliveryStatus.InProgress).Select(r => r.SentByNode), Has.All.EqualTo("node-a:7"));
        Assert.That(await _outbox.ResendAsync(stored.Select(r => r.Id).ToList()), Is.EqualTo(3), "the skipped and pending rows; rows being sent are left alone");
    }

    [Test]
    public async Task A_renewed_lease_holds_the_row_and_once_it_ran_out_the_row_is_claimed_first_with_its_outcome_unknown()
    {
        await _outbox.EnqueueAsync(1, 1, TouchpointEvent.OrderPlaced, [TouchpointVendor.VoyadoEngage], _time.UtcNow);
        var sending = (await _outbox.TakeDueAsync(10, Lease)).Single();
        _time.Advance(TimeSpan.FromSeconds(1));
        await _outbox.EnqueueAsync(1, 2, TouchpointEvent.OrderPlaced, [TouchpointVendor.VoyadoEngage], _time.UtcNow);

        _time.Advance(Lease - TimeSpan.FromSeconds(2));
        var renewedOn = _time.UtcNow;
        Assert.That(await _outbox.RenewLeasesAsync([sending.ClaimToken!.Value, Guid.NewGuid()], Lease), Is.EqualTo(1));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.That((await _outbox.ClaimDueAsync(10, Lease, "node-b:1")).Select(c => (c.Row.OrderId, c.OutcomeUnknown)), Is.EqualTo(new[] { (2, false) }),
            "the renewed lease is respected");
        Assert.That(await _outbox.GetNextDueOnUtcAsync(), Is.EqualTo(renewedOn + Lease), "the lease end is when it is due again");

        _time.Advance(Lease);
        var takenOver = (await _outbox.ClaimDueAsync(10, Lease, "node-b:1")).Select(c => (c.Row.Id, c.OutcomeUnknown, c.Row.Attempts)).ToList();
        Assert.That(takenOver.Take(1), Is.EqualTo(new[] { (sending.Id, true, 2) }), "the abandoned row comes first");
        Assert.That(await _outbox.RecordAttemptAsync(Result(sending, DeliveryStatus.Delivered, _time.UtcNow, _time.UtcNow)), Is.False, "the dead claim records nothing");
        Assert.That(await _outbox.RenewLeasesAsync([sending.ClaimToken!.Value], Lease), Is.Zero, "nor renews anything");
    }

    [Test]
    public async Task Two_connections_claiming_one_backlog_at_once_never_claim_a_row_twice()
    {
        for (var orderId = 1; orderId <= 200; orderId++)
            await _outbox.EnqueueAsync(1, orderId, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale], _time.UtcNow);
        await using var other = Database.Connect();
        var second = OutboxDatabase.Outbox(other, _time);

        async Task<List<int>> DrainAsync(DbDeliveryOutbox outbox)
        {
            var ids = new List<int>();
            for (var round = 0; round < 200; round++)
            {
                var rows = await outbox.TakeDueAsync(7, Lease);
                if (rows.Count == 0)
                    break;
                ids.AddRange(rows.Select(r => r.Id));
            }
            return ids;
        }

        var claimed = await Task.WhenAll(Task.Run(() => DrainAsync(_outbox)), Task.Run(() => DrainAsync(second)));

        var all = claimed.SelectMany(ids => ids).ToList();
        Assert.That(all, Has.Count.EqualTo(200));
        Assert.That(all, Is.Unique);
    }

    [Test]
    public async Task A_result_is_recorded_only_under_the_claim_that_made_it_and_an_uncounted_attempt_is_given_back()
    {
        await _outbox.EnqueueAsync(1, 1, TouchpointEvent.OrderPlaced, [TouchpointVendor.VoyadoEngage], _time.UtcNow);
        var row = (await _outbox.TakeDueAsync(1, Lease)).Single();

        Assert.That(await _outbox.RecordAttemptAsync(new AttemptResult(row.Id, Guid.NewGuid(), DeliveryStatus.Delivered, _time.UtcNow, _time.UtcNow, 202, null)), Is.False);
        var parkedUntil = _time.UtcNow.AddMinutes(3);
        Assert.That(await _outbox.RecordAttemptAsync(Result(row, DeliveryStatus.Pending, _time.UtcNow, parkedUntil, counted: false, vendorKey: "20:ABCDEF")), Is.True);
        Assert.That(await _outbox.RecordAttemptAsync(Result(row, DeliveryStatus.Delivered, _time.UtcNow, _time.UtcNow)), Is.False, "the claim is spent");

        var stored = (await RowsAsync()).Single();
        Assert.That((stored.Status, stored.Attempts, stored.VendorKey, stored.ClaimToken, stored.NextAttemptOnUtc, stored.LastHttpStatus),
            Is.EqualTo((DeliveryStatus.Pending, 0, (string?)"20:ABCDEF", (Guid?)null, parkedUntil, (int?)503)));
    }

    [Test]
    public async Task A_finished_result_keeps_the_rows_last_due_time_and_writing_it_again_changes_nothing()
    {
        await _outbox.EnqueueAsync(1, 1, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale], _time.UtcNow);
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
            await _outbox.EnqueueAsync(1, orderId, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale], _time.UtcNow);
        var parkedUntil = _time.UtcNow.AddMinutes(3);
        var rows = await _outbox.TakeDueAsync(4, Lease);
        foreach (var row in rows)
            await _outbox.RecordAttemptAsync(Result(row, DeliveryStatus.Pending, _time.UtcNow, parkedUntil, counted: false, vendorKey: row.OrderId == 4 ? "10:OTHER" : "10:KEY"));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.That(await _outbox.TakeDueAsync(10, Lease), Is.Empty, "parked until the vendor answers again or the backstop");

        Assert.That(await _outbox.ReleasePausedAsync("10:KEY"), Is.EqualTo(3));
        var released = await _outbox.TakeDueAsync(10, Lease);
        Assert.That(released.Select(r => r.OrderId), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(released, Has.All.Matches<OrderTouchpointDelivery>(r => r.VendorKey == null && r.Attempts == 1), "a parked attempt was given back");
    }

    [Test]
    public async Task Purge_resend_health_and_the_admin_queries_run_on_the_provider()
    {
        await _outbox.EnqueueAsync(1, 1, TouchpointEvent.OrderPlaced, AllVendors, _time.UtcNow);
        await _outbox.EnqueueAsync(2, 2, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale], _time.UtcNow);
        var claimed = await _outbox.TakeDueAsync(10, Lease);
        var delivered = claimed.First(r => r.OrderId == 1 && r.Vendor == TouchpointVendor.Transactionale);
        var failed = claimed.First(r => r.OrderId == 1 && r.Vendor == TouchpointVendor.VoyadoEngage);
        await _outbox.RecordAttemptAsync(Result(delivered, DeliveryStatus.Delivered, _time.UtcNow, _time.UtcNow));
        await _outbox.RecordAttemptAsync(Result(failed, DeliveryStatus.Failed, _time.UtcNow, _time.UtcNow));

        var health = await _outbox.GetVendorHealthAsync();
        Assert.That(health.Single(h => h.Vendor == TouchpointVendor.Transactionale).DeliveredLast24Hours, Is.EqualTo(1));
        Assert.That(health.Single(h => h.Vendor == TouchpointVendor.VoyadoEngage).FailedLast24Hours, Is.EqualTo(1));
        Assert.That(await _outbox.GetOrdersWithDeliveryAsync(1, TouchpointVendor.VtMarketing, TouchpointEvent.OrderPlaced, [1, 2, 3]), Is.EquivalentTo(new[] { 1 }));
        var page = await _outbox.SearchAsync(new DeliverySearch(StoreId: 1), 0, 2);
        Assert.That((page.Count, page.TotalCount, page.HasNextPage), Is.EqualTo((2, 3, true)));

        Assert.That(await _outbox.ResendFailedSinceAsync(_time.UtcNow.AddMinutes(-1)), Is.EqualTo(1));
        _time.Advance(TimeSpan.FromDays(2));
        Assert.That(await _outbox.PurgeFinishedAsync(_time.UtcNow.AddDays(-1), 1), Is.EqualTo(1));
        Assert.That(await _outbox.SkipPendingAsync([1], "Order deleted."), Is.EqualTo(1), "the resent Voyado row; the others are in progress");
    }
}
