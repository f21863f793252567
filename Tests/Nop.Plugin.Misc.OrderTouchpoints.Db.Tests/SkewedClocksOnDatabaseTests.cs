using LinqToDB;
using LinqToDB.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.DataKit;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Db.Tests;

/// <summary>
/// Two web-farm nodes whose clocks disagree: node B runs 5 minutes ahead of node A (and of the database server, which runs on
/// this machine). Each node's outbox and vendor-key leases read the database's clock (<see cref="DatabaseClock"/>), so both
/// agree on which lease still runs and which row is due. Each test also shows what B's own clock would have decided, so the
/// skew is real.
/// </summary>
[TestFixture(DatabaseKind.PostgreSQL)]
[TestFixture(DatabaseKind.MariaDB)]
[CancelAfter(60_000)]
public class SkewedClocksOnDatabaseTests(DatabaseKind kind) : DatabaseTests(kind)
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private const string NodeA = "node-a:1";
    private const string NodeB = "node-b:1";

    private readonly TimeProvider _timeA = TimeProvider.System;
    private readonly TimeProvider _timeB = new SkewedTimeProvider(Skew);
    private DataConnection _connectionA = null!;
    private DataConnection _connectionB = null!;
    private DbDeliveryOutbox _outboxA = null!;
    private DbDeliveryOutbox _outboxB = null!;
    private DatabaseClock _clockB = null!;
    private int _orderId;

    [SetUp]
    public async Task TwoNodes()
    {
        await using (var connection = Database.Connect())
        {
            await connection.GetTable<OrderTouchpointDelivery>().DeleteAsync();
            await connection.GetTable<OrderTouchpointVendorLease>().DeleteAsync();
        }
        _connectionA = Database.Connect();
        _connectionB = Database.Connect();
        _clockB = new DatabaseClock(_timeB);
        _outboxA = OutboxDatabase.Outbox(_connectionA, _timeA, databaseClock: new DatabaseClock(_timeA));
        _outboxB = OutboxDatabase.Outbox(_connectionB, _timeB, databaseClock: _clockB);
    }

    [TearDown]
    public async Task CloseConnections()
    {
        await _connectionA.DisposeAsync();
        await _connectionB.DisposeAsync();
    }

    [Test]
    public async Task The_offset_read_from_the_server_undoes_a_nodes_skew()
    {
        var offset = await _clockB.OffsetAsync(new Linq2DbDataProvider(_connectionB), CancellationToken.None);

        // The server's clock is this machine's: B's offset is its skew, back, give or take a round trip.
        Assert.That(offset, Is.EqualTo(-Skew).Within(TimeSpan.FromSeconds(2)));
        Assert.That(_clockB.UtcNow, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public async Task A_node_ahead_does_not_take_a_row_whose_send_lease_still_runs_by_the_database_clock()
    {
        var orderId = await EnqueueAsync(_outboxA);
        var claimedByA = await _outboxA.ClaimDueAsync(8, Lease, NodeA);
        Assert.That(claimedByA.Select(c => c.Row.OrderId), Is.EqualTo(new[] { orderId }));

        Assert.That(await _outboxB.ClaimDueAsync(8, Lease, NodeB), Is.Empty, "A's lease runs for 30 s more on the database's clock");
        Assert.That(await _outboxA.RenewLeasesAsync([claimedByA[0].Row.ClaimToken!.Value], Lease), Is.EqualTo(1));
        Assert.That(await _outboxB.ClaimDueAsync(8, Lease, NodeB), Is.Empty, "nor after A renewed it");

        // By its own clock B would have taken A's row as abandoned, 4.5 minutes after A's lease ends.
        var ownClockB = OutboxDatabase.Outbox(_connectionB, _timeB);
        Assert.That((await ownClockB.ClaimDueAsync(8, Lease, NodeB)).Select(c => (c.Row.OrderId, c.OutcomeUnknown)), Is.EqualTo(new[] { (orderId, true) }));
    }

    [Test]
    public async Task A_row_due_by_the_database_clock_is_claimed_by_either_node_whatever_its_skew()
    {
        var writtenByB = await EnqueueAsync(_outboxB);
        Assert.That(await ClaimedWithinASecondAsync(_outboxA, NodeA), Is.EqualTo(new[] { writtenByB }),
            "a row B (ahead) queued is due for A at once, not 5 minutes later");

        var writtenByA = await EnqueueAsync(_outboxA);
        Assert.That(await ClaimedWithinASecondAsync(_outboxB, NodeB), Is.EqualTo(new[] { writtenByA }),
            "a row A queued is due for B at once, not 5 minutes earlier");
    }

    [Test]
    public async Task A_node_ahead_does_not_claim_a_retry_before_it_is_due_by_the_database_clock()
    {
        var orderId = await AttemptedOnceAsync(_outboxA, _timeA, NodeA, retryAfter: TimeSpan.FromMinutes(2));

        Assert.That(await _outboxB.ClaimDueAsync(8, Lease, NodeB), Is.Empty, "the retry is due in 2 minutes on the database's clock");
        var ownClockB = OutboxDatabase.Outbox(_connectionB, _timeB);
        Assert.That((await ownClockB.ClaimDueAsync(8, Lease, NodeB)).Select(c => c.Row.OrderId), Is.EqualTo(new[] { orderId }),
            "by its own clock B would have sent it 3 minutes early");
    }

    [Test]
    public async Task A_retry_a_node_ahead_schedules_is_due_for_the_other_node_as_long_after_the_attempt_as_it_meant()
    {
        // Due again right away, by B's reckoning: B's clock is 5 minutes ahead, its times are moved onto the database's.
        var orderId = await AttemptedOnceAsync(_outboxB, _timeB, NodeB, retryAfter: TimeSpan.Zero);

        Assert.That(await ClaimedWithinASecondAsync(_outboxA, NodeA), Is.EqualTo(new[] { orderId }));
    }

    [Test]
    public async Task The_next_due_time_is_handed_to_a_node_on_its_own_clock()
    {
        await EnqueueAsync(_outboxA);

        var nextDueForB = await _outboxB.GetNextDueOnUtcAsync();

        // The worker of B sleeps until then on B's clock: the row is due now there, not 5 minutes ago.
        Assert.That(nextDueForB, Is.EqualTo(_timeB.GetUtcNow().UtcDateTime).Within(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task A_node_ahead_does_not_take_a_vendor_keys_lease_that_still_runs_by_the_database_clock()
    {
        var dataProviderA = new Linq2DbDataProvider(_connectionA);
        var dataProviderB = new Linq2DbDataProvider(_connectionB);
        var storeA = new DbVendorLeaseStore(new Linq2DbRepository<OrderTouchpointVendorLease>(_connectionA), dataProviderA, new DatabaseClock(_timeA));
        var storeB = new DbVendorLeaseStore(new Linq2DbRepository<OrderTouchpointVendorLease>(_connectionB), dataProviderB, _clockB);
        var (holderA, holderB) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.That(await TryHoldAsync(storeA, holderA, _timeA), Is.True, "A takes the key's first lease");
        Assert.That(await TryHoldAsync(storeB, holderB, _timeB), Is.False, "A's 10 s lease still runs on the database's clock");
        Assert.That(await TryHoldAsync(storeA, holderA, _timeA), Is.True, "A renews it");
        Assert.That(await TryHoldAsync(storeB, holderB, _timeB), Is.False);

        var ownClockB = new DbVendorLeaseStore(new Linq2DbRepository<OrderTouchpointVendorLease>(_connectionB));
        Assert.That(await TryHoldAsync(ownClockB, holderB, _timeB), Is.True, "by its own clock B would have taken the running lease");
    }

    private static Task<bool> TryHoldAsync(DbVendorLeaseStore store, Guid holder, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return store.TryHoldAsync((int)TouchpointVendor.VoyadoEngage, 4242, holder, now, now + VendorGate.LeaseDuration, CancellationToken.None);
    }

    /// <summary>
    /// The orders <paramref name="outbox"/> claims within a second. Each node knows the database's clock to within half a
    /// round trip, so a row another node wrote "due now" can still be a few milliseconds ahead of this node's reading when
    /// the machine is busy; what the tests rule out is minutes.
    /// </summary>
    private static async Task<int[]> ClaimedWithinASecondAsync(DbDeliveryOutbox outbox, string node)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(1);
        IReadOnlyList<ClaimedDelivery> claimed;
        while ((claimed = await outbox.ClaimDueAsync(8, Lease, node)).Count == 0 && DateTime.UtcNow < giveUp)
            await Task.Delay(20);
        return claimed.Select(c => c.Row.OrderId).ToArray();
    }

    /// <summary>A new delivery that <paramref name="node"/> claimed and tried once: a 503, retried <paramref name="retryAfter"/> after the attempt by the node's clock.</summary>
    private async Task<int> AttemptedOnceAsync(DbDeliveryOutbox outbox, TimeProvider time, string node, TimeSpan retryAfter)
    {
        var orderId = await EnqueueAsync(outbox);
        var row = (await outbox.ClaimDueAsync(8, Lease, node)).Single().Row;
        var attemptedOn = time.GetUtcNow().UtcDateTime;
        Assert.That(await outbox.RecordAttemptAsync(new AttemptResult(row.Id, row.ClaimToken!.Value, DeliveryStatus.Pending, attemptedOn,
            attemptedOn + retryAfter, 503, "HTTP 503: busy")), Is.True);
        return orderId;
    }

    private async Task<int> EnqueueAsync(DbDeliveryOutbox outbox)
    {
        var orderId = Interlocked.Increment(ref _orderId);
        Assert.That(await outbox.EnqueueAsync(1, orderId, TouchpointEvent.OrderPlaced, [TouchpointVendor.VtMarketing], DateTime.UtcNow), Is.EqualTo(1));
        return orderId;
    }

    /// <summary>The system clock, <paramref name="skew"/> ahead: a node whose time sync drifted.</summary>
    private sealed class SkewedTimeProvider(TimeSpan skew) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + skew;
    }
}
