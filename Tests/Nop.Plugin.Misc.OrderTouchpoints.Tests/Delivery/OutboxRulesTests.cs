using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Delivery;

/// <summary>The rules every outbox enforces, shown on the in-memory one the reliability tests rely on.</summary>
public class OutboxRulesTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private ManualTimeProvider _time = null!;
    private InMemoryDeliveryOutbox _outbox = null!;

    [SetUp]
    public void CreateOutbox()
    {
        _time = new ManualTimeProvider();
        _outbox = new InMemoryDeliveryOutbox(_time);
    }

    private Task<int> EnqueuePlaced(int orderId, params TouchpointVendor[] vendors) =>
        _outbox.EnqueueAsync(1, orderId, TouchpointEvent.OrderPlaced, vendors, _time.UtcNow);

    private static AttemptResult Delivered(OrderTouchpointDelivery row, DateTime now) =>
        new(row.Id, row.ClaimToken!.Value, DeliveryStatus.Delivered, now, now, 200, null);

    [Test]
    public async Task Enqueue_is_idempotent_on_store_order_vendor_and_event()
    {
        Assert.That(await EnqueuePlaced(42, TouchpointVendor.Transactionale, TouchpointVendor.VoyadoEngage), Is.EqualTo(2));
        Assert.That(await EnqueuePlaced(42, TouchpointVendor.Transactionale, TouchpointVendor.VoyadoEngage), Is.Zero);
        Assert.That(await _outbox.EnqueueAsync(1, 42, TouchpointEvent.OrderPaid, [TouchpointVendor.VoyadoEngage], _time.UtcNow), Is.EqualTo(1));
        Assert.That(await _outbox.EnqueueAsync(2, 42, TouchpointEvent.OrderPlaced, [TouchpointVendor.VoyadoEngage], _time.UtcNow), Is.EqualTo(1));

        var rows = _outbox.Snapshot();
        Assert.That(rows, Has.Count.EqualTo(4));
        Assert.That(rows, Has.All.Matches<OrderTouchpointDelivery>(r =>
            r.Status == DeliveryStatus.Pending && r.Attempts == 0 && r.NextAttemptOnUtc == _time.UtcNow && r.ClaimToken == null));
    }

    [Test]
    public async Task Concurrent_duplicate_enqueues_end_as_one_row()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await EnqueuePlaced(7, TouchpointVendor.VtMarketing);
        })).ToList();
        start.SetResult();
        var created = await Task.WhenAll(racing);

        Assert.That(created.Sum(), Is.EqualTo(1));
        Assert.That(_outbox.Snapshot(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_claimed_row_is_in_progress_under_a_token_with_its_attempt_counted_and_cannot_be_claimed_again()
    {
        await EnqueuePlaced(1, TouchpointVendor.Transactionale);

        var first = await _outbox.TakeDueAsync(10, Lease);
        var second = await _outbox.TakeDueAsync(10, Lease);

        Assert.That(first, Has.Count.EqualTo(1));
        Assert.That(first[0].Status, Is.EqualTo(DeliveryStatus.InProgress));
        Assert.That(first[0].ClaimToken, Is.Not.Null);
        Assert.That(first[0].Attempts, Is.EqualTo(1));
        Assert.That(first[0].ClaimExpiresOnUtc, Is.EqualTo(_time.UtcNow + Lease));
        Assert.That(second, Is.Empty);
    }

    [Test]
    public async Task A_claim_moves_as_many_due_rows_as_asked_straight_to_being_sent_under_one_token_with_the_attempt_counted()
    {
        for (var orderId = 1; orderId <= 3; orderId++)
            await EnqueuePlaced(orderId, TouchpointVendor.Transactionale);

        var claimed = await _outbox.ClaimDueAsync(2, Lease, "node-a:1");

        Assert.That(claimed.Select(c => c.Row.OrderId), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(claimed, Has.All.Matches<ClaimedDelivery>(c => !c.OutcomeUnknown && c.Row.Status == DeliveryStatus.InProgress && c.Row.Attempts == 1
            && c.Row.FirstAttemptOnUtc == _time.UtcNow && c.Row.ClaimToken == claimed[0].Row.ClaimToken && c.Row.ClaimExpiresOnUtc == _time.UtcNow + Lease
            && c.Row.SentByNode == "node-a:1"));
        Assert.That(_outbox.Snapshot().Select(r => r.Status), Is.EqualTo(new[] { DeliveryStatus.InProgress, DeliveryStatus.InProgress, DeliveryStatus.Pending }));
        Assert.That(_outbox.Snapshot().Take(2).Select(r => r.SentByNode), Is.EqualTo(new[] { "node-a:1", "node-a:1" }), "stored as returned");
    }

    [Test]
    public async Task A_renewed_send_lease_keeps_the_row_from_other_claims_until_the_renewal_runs_out()
    {
        await EnqueuePlaced(1, TouchpointVendor.VoyadoEngage);
        var sending = (await _outbox.TakeDueAsync(1, Lease)).Single();

        _time.Advance(Lease - TimeSpan.FromSeconds(1));
        var renewedOn = _time.UtcNow;
        Assert.That(await _outbox.RenewLeasesAsync([sending.ClaimToken!.Value, Guid.NewGuid()], Lease), Is.EqualTo(1));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.That(await _outbox.TakeDueAsync(1, Lease), Is.Empty, "past the first lease, within the renewed one");
        Assert.That(await _outbox.GetNextDueOnUtcAsync(), Is.EqualTo(renewedOn + Lease));

        _time.Advance(Lease);
        var takenOver = await _outbox.ClaimDueAsync(1, Lease, "node-b:2");
        Assert.That(takenOver.Select(c => (c.Row.Id, c.OutcomeUnknown)), Is.EqualTo(new[] { (sending.Id, true) }));
        Assert.That(await _outbox.RenewLeasesAsync([sending.ClaimToken!.Value], Lease), Is.Zero, "the old claim renews nothing any more");
    }

    [Test]
    public async Task A_row_being_sent_holds_its_orders_later_events_and_is_left_alone_by_resend_and_erase()
    {
        await EnqueuePlaced(1, TouchpointVendor.VoyadoEngage);
        await _outbox.EnqueueAsync(1, 1, TouchpointEvent.OrderPaid, [TouchpointVendor.VoyadoEngage], _time.UtcNow);
        var placed = await _outbox.TakeDueAsync(10, Lease);
        Assert.That(placed.Select(r => r.Event), Is.EqualTo(new[] { TouchpointEvent.OrderPlaced }), "paid waits while placed is being sent");
        Assert.That(await _outbox.TakeDueAsync(10, Lease), Is.Empty);

        Assert.That(await _outbox.ResendAsync([placed[0].Id]), Is.Zero, "a row being sent is left alone");
        Assert.That((await _outbox.GetVendorHealthAsync()).Single(h => h.Vendor == TouchpointVendor.VoyadoEngage).Waiting, Is.EqualTo(2));

        Assert.That(await _outbox.SkipPendingAsync([1], "Customer data erased."), Is.EqualTo(1), "only the row never sent is skipped");
        Assert.That(_outbox.Snapshot().Select(r => r.Status), Is.EqualTo(new[] { DeliveryStatus.InProgress, DeliveryStatus.Skipped }));
    }

    [Test]
    public async Task Rows_not_yet_due_are_not_claimed_and_the_next_due_time_is_reported()
    {
        await EnqueuePlaced(1, TouchpointVendor.Transactionale);
        var row = (await _outbox.TakeDueAsync(1, Lease))[0];
        var retryAt = _time.UtcNow.AddSeconds(10);
        await _outbox.RecordAttemptAsync(new AttemptResult(row.Id, row.ClaimToken!.Value, DeliveryStatus.Pending, _time.UtcNow, retryAt, 503, "HTTP 503"));

        Assert.That(await _outbox.TakeDueAsync(10, Lease), Is.Empty);
        Assert.That(await _outbox.GetNextDueOnUtcAsync(), Is.EqualTo(retryAt));

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.That(await _outbox.TakeDueAsync(10, Lease), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_expired_send_lease_is_claimed_with_its_outcome_unknown_under_a_new_token_and_the_old_claim_can_no_longer_record()
    {
        await EnqueuePlaced(1, TouchpointVendor.Transactionale);
        var dead = (await _outbox.TakeDueAsync(1, Lease))[0];

        _time.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.That(await _outbox.TakeDueAsync(1, Lease), Is.Empty, "a live lease is respected");
        Assert.That(await _outbox.GetNextDueOnUtcAsync(), Is.EqualTo(dead.ClaimExpiresOnUtc), "the lease end is the row's next due time");

        _time.Advance(TimeSpan.FromSeconds(1));
        var claimed = (await _outbox.ClaimDueAsync(1, Lease, OutboxTestSteps.TestNode)).Single();
        Assert.That(claimed.OutcomeUnknown, Is.True);
        var reclaimed = claimed.Row;
        Assert.That(reclaimed.ClaimToken, Is.Not.EqualTo(dead.ClaimToken));
        Assert.That(reclaimed.Attempts, Is.EqualTo(2));

        Assert.That(await _outbox.RecordAttemptAsync(Delivered(dead, _time.UtcNow)), Is.False);
        Assert.That(await _outbox.RecordAttemptAsync(Delivered(reclaimed, _time.UtcNow)), Is.True);
        var stored = _outbox.Snapshot().Single();
        Assert.That(stored.Status, Is.EqualTo(DeliveryStatus.Delivered));
        Assert.That(stored.DeliveredOnUtc, Is.EqualTo(_time.UtcNow));
        Assert.That(stored.ClaimToken, Is.Null);
    }

    [Test]
    public async Task A_later_event_waits_until_the_earlier_one_of_the_same_order_and_vendor_is_finished()
    {
        await EnqueuePlaced(42, TouchpointVendor.VoyadoEngage, TouchpointVendor.Transactionale);
        await _outbox.EnqueueAsync(1, 42, TouchpointEvent.OrderPaid, [TouchpointVendor.VoyadoEngage], _time.UtcNow);
        await _outbox.EnqueueAsync(1, 43, TouchpointEvent.OrderPaid, [TouchpointVendor.VoyadoEngage], _time.UtcNow);

        var first = await _outbox.TakeDueAsync(10, Lease);
        Assert.That(first.Select(r => (r.OrderId, r.Vendor, r.Event)), Is.EquivalentTo(new[]
        {
            (42, TouchpointVendor.VoyadoEngage, TouchpointEvent.OrderPlaced),
            (42, TouchpointVendor.Transactionale, TouchpointEvent.OrderPlaced),
            (43, TouchpointVendor.VoyadoEngage, TouchpointEvent.OrderPaid)
        }), "order 42's paid event waits for its placed event at the same vendor; other vendors and orders do not");
        Assert.That(await _outbox.TakeDueAsync(10, Lease), Is.Empty, "still waiting while the placed event is in progress");
        Assert.That(await _outbox.GetNextDueOnUtcAsync(), Is.EqualTo(_time.UtcNow + Lease), "the next thing that can happen is a lease running out");

        var placed = first.Single(r => r.OrderId == 42 && r.Vendor == TouchpointVendor.VoyadoEngage);
        await _outbox.RecordAttemptAsync(new AttemptResult(placed.Id, placed.ClaimToken!.Value,
            DeliveryStatus.Pending, _time.UtcNow, _time.UtcNow.AddSeconds(10), 503, "retry"));
        _time.Advance(TimeSpan.FromSeconds(10));
        var retried = await _outbox.TakeDueAsync(10, Lease);
        Assert.That(retried.Select(r => r.Event), Is.EqualTo(new[] { TouchpointEvent.OrderPlaced }), "a retrying earlier event still goes first");

        await _outbox.RecordAttemptAsync(Delivered(retried[0], _time.UtcNow));
        var paid = await _outbox.TakeDueAsync(10, Lease);
        Assert.That(paid.Select(r => (r.OrderId, r.Event)), Is.EqualTo(new[] { (42, TouchpointEvent.OrderPaid) }));
    }

    [Test]
    public async Task An_earlier_event_that_failed_or_was_skipped_no_longer_holds_the_later_ones()
    {
        await EnqueuePlaced(42, TouchpointVendor.VoyadoEngage);
        await _outbox.EnqueueAsync(1, 42, TouchpointEvent.OrderPaid, [TouchpointVendor.VoyadoEngage], _time.UtcNow);
        var placed = (await _outbox.TakeDueAsync(10, Lease)).Single();

        await _outbox.RecordAttemptAsync(new AttemptResult(placed.Id, placed.ClaimToken!.Value, DeliveryStatus.Failed, _time.UtcNow, _time.UtcNow, 400, "rejected"));

        Assert.That((await _outbox.TakeDueAsync(10, Lease)).Select(r => r.Event), Is.EqualTo(new[] { TouchpointEvent.OrderPaid }));
    }

    [Test]
    public async Task Concurrent_claims_never_hand_out_the_same_row_twice()
    {
        for (var order = 1; order <= 500; order++)
            await EnqueuePlaced(order, TouchpointVendor.Transactionale);

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            var mine = new List<int>();
            while (await _outbox.TakeDueAsync(7, Lease) is { Count: > 0 } rows)
                mine.AddRange(rows.Select(r => r.Id));
            return mine;
        })).ToList();
        start.SetResult();
        var claims = await Task.WhenAll(racing);

        var all = claims.SelectMany(c => c).ToList();
        Assert.That(all, Has.Count.EqualTo(500));
        Assert.That(all, Is.Unique);
    }

    [Test]
    public async Task Delivered_rows_are_never_claimed_again_until_an_admin_resends_them()
    {
        await EnqueuePlaced(1, TouchpointVendor.Transactionale);
        var row = (await _outbox.TakeDueAsync(1, Lease))[0];
        await _outbox.RecordAttemptAsync(Delivered(row, _time.UtcNow));
        _time.Advance(TimeSpan.FromDays(3));
        Assert.That(await _outbox.TakeDueAsync(10, Lease), Is.Empty);
        Assert.That(await EnqueuePlaced(1, TouchpointVendor.Transactionale), Is.Zero, "the same event again is not a new delivery");

        Assert.That(await _outbox.ResendAsync([row.Id]), Is.EqualTo(1));

        var resent = _outbox.Snapshot().Single();
        Assert.That(resent.Status, Is.EqualTo(DeliveryStatus.Pending));
        Assert.That(resent.Attempts, Is.Zero);
        Assert.That(resent.NextAttemptOnUtc, Is.EqualTo(_time.UtcNow));
        Assert.That(resent.DeliveredOnUtc, Is.Null);
        Assert.That(resent.LastAttemptOnUtc, Is.EqualTo(_time.UtcNow - TimeSpan.FromDays(3)), "history of the last attempt stays visible");
        Assert.That(await _outbox.TakeDueAsync(10, Lease), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Resend_leaves_rows_in_progress_alone()
    {
        await EnqueuePlaced(1, TouchpointVendor.Transactionale);
        var row = (await _outbox.TakeDueAsync(1, Lease))[0];

        Assert.That(await _outbox.ResendAsync([row.Id]), Is.Zero);
        Assert.That(await _outbox.RecordAttemptAsync(Delivered(row, _time.UtcNow)), Is.True);
    }

    [Test]
    public async Task Resend_failed_since_a_date_takes_only_rows_that_failed_from_then_on_for_the_given_store_and_vendor()
    {
        async Task Fail(int orderId, TouchpointVendor vendor, int storeId = 1)
        {
            await _outbox.EnqueueAsync(storeId, orderId, TouchpointEvent.OrderPlaced, [vendor], _time.UtcNow);
            var row = (await _outbox.TakeDueAsync(1, Lease))[0];
            await _outbox.RecordAttemptAsync(new AttemptResult(row.Id, row.ClaimToken!.Value, DeliveryStatus.Failed, _time.UtcNow, _time.UtcNow, 400, "HTTP 400"));
        }

        await Fail(1, TouchpointVendor.Transactionale);
        _time.Advance(TimeSpan.FromHours(1));
        var since = _time.UtcNow;
        await Fail(2, TouchpointVendor.Transactionale);
        await Fail(3, TouchpointVendor.VtMarketing);
        await Fail(4, TouchpointVendor.Transactionale, storeId: 2);

        Assert.That(await _outbox.ResendFailedSinceAsync(since, storeId: 1, vendor: TouchpointVendor.Transactionale), Is.EqualTo(1));
        var pending = _outbox.Snapshot().Where(r => r.Status == DeliveryStatus.Pending).Select(r => r.OrderId);
        Assert.That(pending, Is.EqualTo(new[] { 2 }));
        Assert.That(await _outbox.ResendFailedSinceAsync(since), Is.EqualTo(2), "no filter: every store and vendor");
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

        var page = await _outbox.SearchAsync(new DeliverySearch(StoreId: 1, Vendor: TouchpointVendor.VtMarketing), pageIndex: 0, pageSize: 2);
        Assert.That(page.TotalCount, Is.EqualTo(5));
        Assert.That(page.Select(r => r.OrderId), Is.EqualTo(new[] { 5, 4 }));
        Assert.That(page.HasNextPage, Is.True);

        var start = _time.UtcNow - TimeSpan.FromMinutes(3);
        var window = await _outbox.SearchAsync(new DeliverySearch(CreatedFromUtc: start, CreatedToUtc: start + TimeSpan.FromMinutes(1)), 0, 10);
        Assert.That(window.Select(r => r.OrderId).Distinct(), Is.EquivalentTo(new[] { 3, 4 }));

        var byOrder = await _outbox.SearchAsync(new DeliverySearch(OrderId: 99, Event: TouchpointEvent.OrderPaid, Status: DeliveryStatus.Pending), 0, 10);
        Assert.That(byOrder.Single().Vendor, Is.EqualTo(TouchpointVendor.VoyadoEngage));
    }

    [Test]
    public async Task Vendor_health_counts_waiting_rows_and_the_last_24_hours()
    {
        async Task Finish(int orderId, DeliveryStatus status)
        {
            await EnqueuePlaced(orderId, TouchpointVendor.Transactionale);
            var row = (await _outbox.TakeDueAsync(1, Lease))[0];
            await _outbox.RecordAttemptAsync(new AttemptResult(row.Id, row.ClaimToken!.Value, status, _time.UtcNow, _time.UtcNow, null, null));
        }

        await Finish(1, DeliveryStatus.Delivered);
        _time.Advance(TimeSpan.FromHours(25));
        await Finish(2, DeliveryStatus.Delivered);
        var lastDelivered = _time.UtcNow;
        await Finish(3, DeliveryStatus.Failed);
        await EnqueuePlaced(4, TouchpointVendor.Transactionale);

        var health = (await _outbox.GetVendorHealthAsync()).ToDictionary(h => h.Vendor);
        Assert.That(health[TouchpointVendor.Transactionale], Is.EqualTo(new VendorHealth(TouchpointVendor.Transactionale, 1, 1, 1, lastDelivered)));
        Assert.That(health[TouchpointVendor.VoyadoEngage], Is.EqualTo(new VendorHealth(TouchpointVendor.VoyadoEngage, 0, 0, 0, null)));
    }

    [Test]
    public async Task Purge_removes_every_finished_row_failed_ones_included_that_finished_before_the_cutoff()
    {
        async Task Finish(int orderId, DeliveryStatus status)
        {
            await EnqueuePlaced(orderId, TouchpointVendor.Transactionale);
            var row = (await _outbox.TakeDueAsync(1, Lease))[0];
            await _outbox.RecordAttemptAsync(new AttemptResult(row.Id, row.ClaimToken!.Value, status, _time.UtcNow, _time.UtcNow, null, null));
        }

        await Finish(1, DeliveryStatus.Delivered);
        await Finish(2, DeliveryStatus.Skipped);
        await Finish(3, DeliveryStatus.Failed);
        await EnqueuePlaced(4, TouchpointVendor.Transactionale);
        _time.Advance(TimeSpan.FromDays(31));
        await Finish(5, DeliveryStatus.Delivered);

        Assert.That(await _outbox.PurgeFinishedAsync(_time.UtcNow - TimeSpan.FromDays(30), batchSize: 100), Is.EqualTo(3));
        Assert.That(_outbox.Snapshot().Select(r => r.OrderId), Is.EquivalentTo(new[] { 4, 5 }));
    }

    [Test]
    public async Task Skip_pending_stops_unsent_deliveries_of_the_given_orders_only()
    {
        await EnqueuePlaced(1, TouchpointVendor.Transactionale, TouchpointVendor.VtMarketing);
        await EnqueuePlaced(2, TouchpointVendor.Transactionale);

        Assert.That(await _outbox.SkipPendingAsync([1], "erased"), Is.EqualTo(2));
        var rows = _outbox.Snapshot();
        Assert.That(rows.Where(r => r.OrderId == 1), Has.All.Matches<OrderTouchpointDelivery>(r => r.Status == DeliveryStatus.Skipped && r.LastReason == "erased"));
        Assert.That(rows.Single(r => r.OrderId == 2).Status, Is.EqualTo(DeliveryStatus.Pending));
    }

    [Test]
    public async Task Stored_reasons_are_trimmed_to_500_characters()
    {
        await EnqueuePlaced(1, TouchpointVendor.Transactionale);
        var row = (await _outbox.TakeDueAsync(1, Lease))[0];
        await _outbox.RecordAttemptAsync(new AttemptResult(row.Id, row.ClaimToken!.Value, DeliveryStatus.Failed, _time.UtcNow, _time.UtcNow, 400, new string('x', 2000)));

        Assert.That(_outbox.Snapshot().Single().LastReason, Has.Length.EqualTo(500));
    }
}
