using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Reports;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Delivery;

/// <summary>
/// Outages, 429 storms, timeouts, restarts and concurrent dispatchers against a real HTTP vendor on
/// 127.0.0.1, judged by what the vendor received. Time is the manual clock: retries hours apart take no time.
/// </summary>
public class DispatcherReliabilityTests
{
    private static readonly FakeResponse Unavailable = new(503, """{"error":"maintenance"}""");

    private ManualTimeProvider _time = null!;
    private InMemoryDeliveryOutbox _outbox = null!;
    private ScriptedVendor _vendor = null!;
    private readonly List<DeliveryNode> _nodes = [];

    [SetUp]
    public async Task StartVendor()
    {
        _time = new ManualTimeProvider();
        _outbox = new InMemoryDeliveryOutbox(_time);
        _vendor = await ScriptedVendor.StartAsync(_time);
    }

    [TearDown]
    public async Task StopAll()
    {
        foreach (var node in _nodes)
            await node.DisposeAsync();
        _nodes.Clear();
        await _vendor.DisposeAsync();
    }

    private DeliveryNode StartNode(OrderTouchpointsDeliverySettings? settings = null)
    {
        var node = new DeliveryNode(_outbox, _time, _vendor, settings);
        _nodes.Add(node);
        return node;
    }

    private async Task<int[]> PlaceOrdersAsync(int count, int firstOrderId = 1)
    {
        var orders = Enumerable.Range(firstOrderId, count).ToArray();
        foreach (var orderId in orders)
            await _outbox.EnqueueAsync(1, orderId, TouchpointEvent.OrderPlaced, [TouchpointVendor.Transactionale], _time.UtcNow);
        return orders;
    }

    /// <summary>One drain by a node of <paramref name="sendSlots"/> slots whose outbox keeps each claim's size.</summary>
    private async Task<(DrainResult Drained, FailingRecordsOutbox Claims)> DrainCountingClaimsAsync(int sendSlots)
    {
        var claims = new FailingRecordsOutbox(_outbox);
        var node = new DeliveryNode(claims, _time, _vendor, new OrderTouchpointsDeliverySettings { MaxConcurrentSends = sendSlots });
        _nodes.Add(node);
        return (await node.Dispatcher.DrainAsync(CancellationToken.None), claims);
    }

    private void AssertEachDeliveredExactlyOnce(int[] orders)
    {
        Assert.That(_vendor.Server.ContractViolations, Is.Empty);
        Assert.That(_vendor.AcceptedPerOrder(), Is.EquivalentTo(orders.ToDictionary(o => o, _ => 1)));
        Assert.That(_outbox.Snapshot(), Has.All.Matches<OrderTouchpointDelivery>(r => r.Status == DeliveryStatus.Delivered));
    }

    [Test]
    public async Task Vendor_down_for_ten_hours_then_back_gets_every_delivery_exactly_once()
    {
        var orders = await PlaceOrdersAsync(30);
        var backOnline = _time.UtcNow.AddHours(10);
        _vendor.Answer = (_, now) => now < backOnline ? Unavailable : new FakeResponse(202, "{}");
        var node = StartNode();

        await DeliveryLoop.RunUntilSettledAsync(node.Dispatcher, _time);

        AssertEachDeliveredExactlyOnce(orders);
        Assert.That(_vendor.Exchanges.Count(e => e.Status == 503), Is.GreaterThan(orders.Length), "the outage was retried through");
        Assert.That(_outbox.Snapshot(), Has.All.Matches<OrderTouchpointDelivery>(r => r.DeliveredOnUtc >= backOnline));
    }

    [Test]
    public async Task An_outage_that_ends_after_a_burst_of_failed_requests_costs_no_attempts_and_its_backlog_goes_out_right_after_the_probe()
    {
        var orders = await PlaceOrdersAsync(40);
        // The vendor recovers after a number of failed requests, not after a time: holding requests back
        // must not delay the recovery, and only the requests the vendor saw may count as attempts.
        const int burst = 25;
        var failuresLeft = burst;
        _vendor.Answer = (_, _) => Interlocked.Decrement(ref failuresLeft) >= 0 ? Unavailable : new FakeResponse(202, "{}");
        var node = StartNode();
        var start = _time.UtcNow;

        await DeliveryLoop.RunUntilSettledAsync(node.Dispatcher, _time);

        AssertEachDeliveredExactlyOnce(orders);
        // Whether the burst's last failure was a probe (then one more probe finds the vendor back) or a delivery (then the
        // circuit never paused again and a delivery finds it) depends on how the parallel sends interleave.
        Assert.That(_vendor.Exchanges, Has.Count.InRange(burst + orders.Length, burst + 1 + orders.Length),
            "the failed burst (deliveries, then probes), at most one probe that found the vendor back, then one request per delivery");
        var rows = _outbox.Snapshot();
        Assert.That(rows.Sum(r => r.Attempts), Is.EqualTo(_vendor.Deliveries.Count), "attempts held back by the open circuit are not counted");
        var recovered = _vendor.Exchanges.Where(e => e.Status == 202).Min(e => e.ReceivedOnUtc);
        Assert.That(rows.Max(r => r.DeliveredOnUtc), Is.LessThanOrEqualTo(recovered.AddSeconds(1)), "the parked backlog is released by the successful probe");
        // After the first burst each pause of the circuit costs one probe request.
        Assert.That(recovered - start, Is.LessThan(TimeSpan.FromMinutes(burst * 0.5 + 1)));
    }

    [Test]
    public async Task An_outage_right_after_healthy_traffic_that_ends_by_request_count_is_probed_through_within_two_minutes()
    {
        // Found in the store: healthy deliveries just before the outage are still in the circuit's 30 s sampling
        // window, so it opens after only 6 failed requests and the rest of the outage (8 requests) is only
        // reached by one probe per pause: with 30 s pauses the backlog waited 4 minutes for a recovered vendor.
        var healthy = await PlaceOrdersAsync(6);
        var node = StartNode(new OrderTouchpointsDeliverySettings { MaxConcurrentSends = 1 });
        await node.Dispatcher.DrainAsync(CancellationToken.None);
        Assert.That(_vendor.Exchanges.Count(e => e.Status == 202), Is.EqualTo(healthy.Length));

        const int burst = 14;
        var failuresLeft = burst;
        _vendor.Answer = (_, _) => Interlocked.Decrement(ref failuresLeft) >= 0 ? Unavailable : new FakeResponse(202, "{}");
        var outage = await PlaceOrdersAsync(12, firstOrderId: 100);
        var start = _time.UtcNow;

        await DeliveryLoop.RunUntilSettledAsync(node.Dispatcher, _time);

        AssertEachDeliveredExactlyOnce([.. healthy, .. outage]);
        var exchanges = _vendor.Exchanges.ToList();
        Assert.That(exchanges.Count(e => e.Status == 503), Is.EqualTo(burst));
        Assert.That(exchanges.Count(e => e.Status == 503 && e.ReceivedOnUtc == start), Is.LessThan(burst),
            "the circuit opened before the outage was over, so probes had to reach its end");
        var recovered = exchanges.Skip(exchanges.FindLastIndex(e => e.Status == 503) + 1).First().ReceivedOnUtc;
        Assert.That(recovered - start, Is.LessThan(TimeSpan.FromMinutes(2)), "each failed probe costs one short pause");
        Assert.That(_outbox.Snapshot().Max(r => r.DeliveredOnUtc), Is.LessThanOrEqualTo(recovered.AddSeconds(1)),
            "the successful probe releases the backlog");
        Assert.That(_outbox.Snapshot().Sum(r => r.Attempts), Is.EqualTo(_vendor.Deliveries.Count), "held-back attempts cost nothing");
    }

    [Test]
    public async Task A_pause_is_probed_with_a_connection_test_so_a_vendor_that_still_drops_connections_fails_no_delivery()
    {
        // A probe that gets no answer has an unknown outcome. Were the probe a delivery that would mail the customer,
        // the unknown-outcome rule would fail it for a person to check, once per pause for as long as the outage lasts.
        var orders = await PlaceOrdersAsync(20);
        const int failedDeliveries = 10;
        var failuresLeft = failedDeliveries;
        var hangUpsLeft = 3;
        // 503 until the circuit opens, then the next requests (whatever they carry) are read and dropped unanswered.
        _vendor.Answer = (_, _) =>
            Interlocked.Decrement(ref failuresLeft) >= 0 ? Unavailable
            : Interlocked.Decrement(ref hangUpsLeft) >= 0 ? new FakeResponse(200, "{}", HangUp: true)
            : new FakeResponse(202, "{}");
        var node = StartNode(new OrderTouchpointsDeliverySettings { MaxConcurrentSends = 1 });

        await DeliveryLoop.RunUntilSettledAsync(node.Dispatcher, _time);

        AssertEachDeliveredExactlyOnce(orders);
        var probes = _vendor.Exchanges.Where(e => e.OrderId == 0).ToList();
        Assert.That(probes, Has.Count.EqualTo(4), "three probes dropped, the fourth found the vendor back");
        Assert.That(_vendor.Deliveries.Count(e => e.Status == 503), Is.EqualTo(failedDeliveries), "the circuit opened on the failed deliveries");
        Assert.That(_outbox.Snapshot().Sum(r => r.Attempts), Is.EqualTo(_vendor.Deliveries.Count), "probes are no delivery's attempt");
    }

    [Test]
    public async Task An_outage_too_short_to_open_the_circuit_after_much_healthy_traffic_drains_as_soon_as_the_vendor_answers()
    {
        // Found in the store: with enough healthy deliveries in the circuit's sampling window, an outage of 14
        // failed requests never reaches the failure ratio, so no pause and no probe. The failed deliveries then
        // waited for their schedule steps (10 s, 30 s, 60 s…): a minute after the vendor was back.
        var healthy = await PlaceOrdersAsync(30);
        var node = StartNode(new OrderTouchpointsDeliverySettings { MaxConcurrentSends = 1 });
        await node.Dispatcher.DrainAsync(CancellationToken.None);

        const int burst = 14;
        var failuresLeft = burst;
        _vendor.Answer = (_, _) => Interlocked.Decrement(ref failuresLeft) >= 0 ? Unavailable : new FakeResponse(202, "{}");
        var outage = await PlaceOrdersAsync(12, firstOrderId: 100);

        await DeliveryLoop.RunUntilSettledAsync(node.Dispatcher, _time);

        AssertEachDeliveredExactlyOnce([.. healthy, .. outage]);
        var exchanges = _vendor.Exchanges.ToList();
        Assert.That(exchanges.Count(e => e.Status == 503), Is.EqualTo(burst));
        var recovered = exchanges.Skip(exchanges.FindLastIndex(e => e.Status == 503) + 1).First().ReceivedOnUtc;
        Assert.That(_outbox.Snapshot().Max(r => r.DeliveredOnUtc), Is.LessThanOrEqualTo(recovered.AddSeconds(1)),
            "the first answer after the trouble releases every delivery waiting for the vendor");
    }

    [Test]
    public async Task Deliveries_parked_by_a_node_that_restarted_come_due_on_their_own_after_the_backstop()
    {
        var orders = await PlaceOrdersAsync(30);
        var failuresLeft = 12;
        _vendor.Answer = (_, _) => Interlocked.Decrement(ref failuresLeft) >= 0 ? Unavailable : new FakeResponse(202, "{}");
        var first = StartNode(new OrderTouchpointsDeliverySettings { MaxConcurrentSends = 1 });
        await first.Dispatcher.DrainAsync(CancellationToken.None);
        Assert.That(_outbox.Snapshot().Count(r => r.VendorKey is not null), Is.GreaterThan(0), "the open circuit parked deliveries");
        await first.DisposeAsync();
        _nodes.Remove(first);

        var restarted = StartNode();
        await DeliveryLoop.RunUntilSettledAsync(restarted.Dispatcher, _time);

        AssertEachDeliveredExactlyOnce(orders);
        Assert.That(_outbox.Snapshot().Sum(r => r.Attempts), Is.EqualTo(_vendor.Exchanges.Count));
    }

    [Test]
    public async Task A_result_write_that_hits_transient_database_errors_is_retried_so_the_vendor_gets_the_delivery_once()
    {
        var orders = await PlaceOrdersAsync(3);
        var failing = new FailingRecordsOutbox(_outbox) { FailuresLeft = 4 };
        var node = new DeliveryNode(failing, _time, _vendor);
        _nodes.Add(node);

        await node.Dispatcher.DrainAsync(CancellationToken.None);
        // Past every lease: an unrecorded row would be claimed and sent again now.
        _time.Advance(TimeSpan.FromHours(1));
        await DeliveryLoop.RunUntilSettledAsync(node.Dispatcher, _time);

        Assert.That(failing.FailedWrites, Is.EqualTo(4));
        AssertEachDeliveredExactlyOnce(orders);
        Assert.That(_vendor.Exchanges, Has.Count.EqualTo(orders.Length));
    }

    [Test]
    public async Task A_send_in_flight_when_the_application_stops_is_finished_and_recorded_not_cut_and_sent_again()
    {
        await PlaceOrdersAsync(1);
        _vendor.Answer = (_, _) => new FakeResponse(202, "{}", Delay: TimeSpan.FromMilliseconds(300));
        var node = StartNode();
        using var stopping = new CancellationTokenSource();

        var drain = node.Dispatcher.DrainAsync(stopping.Token);
        await _vendor.FirstRequest;
        stopping.Cancel();
        try
        {
            await drain;
        }
        catch (OperationCanceledException)
        {
        }

        var row = _outbox.Snapshot().Single();
        Assert.That((row.Status, row.LastHttpStatus), Is.EqualTo((DeliveryStatus.Delivered, (int?)202)), "the vendor's answer was awaited and recorded");
        Assert.That(_vendor.Exchanges, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_429_storm_with_retry_after_is_honoured_for_every_delivery()
    {
        var orders = await PlaceOrdersAsync(5);
        var stormEnds = _time.UtcNow.AddMinutes(30);
        _vendor.Answer = (_, now) => now < stormEnds
            ? new FakeResponse(429, """{"error":"slow down"}""", new Dictionary<string, string> { ["Retry-After"] = "120" })
            : new FakeResponse(200, "{}");
        var node = StartNode();

        await DeliveryLoop.RunUntilSettledAsync(node.Dispatcher, _time);

        AssertEachDeliveredExactlyOnce(orders);
        foreach (var order in orders)
        {
            var exchanges = _vendor.ExchangesOf(order);
            Assert.That(exchanges.Count, Is.GreaterThan(2));
            foreach (var (previous, next) in exchanges.Zip(exchanges.Skip(1)).Where(p => p.First.Status == 429))
                Assert.That(next.ReceivedOnUtc - previous.ReceivedOnUtc, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(120)), $"order {order}");
        }
    }

    [Test]
    public async Task A_delivery_the_vendor_accepts_but_answers_after_the_attempt_timeout_fails_with_what_to_check_and_is_never_sent_again()
    {
        // The loopback vendor stands for Transactionale: each accepted post mails the customer, no duplicate check.
        var orders = await PlaceOrdersAsync(3);
        var slowRequests = new CountdownEvent(3);
        _vendor.Answer = (_, _) =>
        {
            slowRequests.Signal();
            return new FakeResponse(200, "{}", Delay: TimeSpan.FromMinutes(5));
        };
        var node = StartNode();

        var drain = node.Dispatcher.DrainAsync(CancellationToken.None);
        await Task.Run(() => slowRequests.Wait(TimeSpan.FromSeconds(30)));
        _time.Advance(TimeSpan.FromSeconds(16));
        await drain;
        await DeliveryLoop.RunUntilSettledAsync(node.Dispatcher, _time);

        var rows = _outbox.Snapshot();
        Assert.That(rows, Has.All.Matches<OrderTouchpointDelivery>(r => r.Status == DeliveryStatus.Failed && r.Attempts == 1
            && r.LastReason == UnknownOutcome.Reason(TestVendors.Registered.Of(TouchpointVendor.Transactionale), r.OrderId, TouchpointEvent.OrderPlaced, "no answer within 15 s")));
        Assert.That(rows, Has.All.Matches<OrderTouchpointDelivery>(r => r.LastReason!.StartsWith("Sent, no answer within 15 s. Transactionale may have it")
            && r.LastReason.Contains($"order id {r.OrderId}") && r.LastReason.EndsWith("resend it from the delivery log only if it is missing.")));
        foreach (var order in orders)
            Assert.That(_vendor.ExchangesOf(order), Has.Count.EqualTo(1), $"order {order}: the vendor received it exactly once");
        Assert.That(_vendor.Server.ContractViolations, Is.Empty);
    }

    [TestCase(RepeatEffect.ActsTwice)]
    [TestCase(RepeatEffect.Harmless)]
    public async Task The_dispatchers_send_time_limit_cutting_a_request_that_is_out_follows_the_same_rule_as_a_timeout(RepeatEffect repeat)
    {
        // A channel whose request goes out 10 s before the dispatcher's send time limit (60 s by default), as the last of
        // an Engage delivery's three requests can: the limit cuts it before its own attempt timeout (15 s) would.
        using var http = new HttpClient();
        await _outbox.EnqueueAsync(1, 1, TouchpointEvent.OrderPlaced, [TouchpointVendor.VtMarketing], _time.UtcNow);
        _vendor.Answer = (_, _) => new FakeResponse(200, "{}", Delay: TimeSpan.FromMinutes(5));
        var limit = DrainPlan.From(new OrderTouchpointsDeliverySettings()).SendTimeLimit;
        var startsAfter = limit - TimeSpan.FromSeconds(10);
        var node = new DeliveryNode(_outbox, _time, _vendor, configure: services =>
            services.AddScoped<ITouchpointChannel>(sp => new LateChannel(new LoopbackTouchpointChannel(_vendor.Server.BaseUri, http,
                sp.GetRequiredService<VendorRequestSender>(), vendor: TouchpointVendor.VtMarketing, repeat: repeat), _time, startsAfter)));
        _nodes.Add(node);
        var start = _time.GetUtcNow();

        var drain = node.Dispatcher.DrainAsync(CancellationToken.None);
        await _time.WhenTimerScheduledAt(start + startsAfter).WaitAsync(TimeSpan.FromSeconds(30));
        _time.Advance(startsAfter);
        await _vendor.FirstRequest.WaitAsync(TimeSpan.FromSeconds(30));
        _time.Advance(limit - startsAfter + TimeSpan.FromSeconds(1));
        await drain.WaitAsync(TimeSpan.FromSeconds(30));

        var row = _outbox.Snapshot().Single();
        Assert.That(_vendor.Exchanges, Has.Count.EqualTo(1));
        if (repeat == RepeatEffect.ActsTwice)
        {
            Assert.That(row.Status, Is.EqualTo(DeliveryStatus.Failed));
            Assert.That(row.LastReason, Is.EqualTo(UnknownOutcome.Reason(TestVendors.Registered.Of(TouchpointVendor.VtMarketing), 1, TouchpointEvent.OrderPlaced,
                $"stopped after {limit.TotalSeconds:0} s without an answer")));
        }
        else
        {
            Assert.That(row.Status, Is.EqualTo(DeliveryStatus.Pending), "a harmless repeat is retried");
            Assert.That(row.LastReason, Is.EqualTo($"Stopped after {limit.TotalSeconds:0} s without an answer."));
        }
    }

    [Test]
    public async Task A_refused_connection_is_retried_until_the_vendor_is_reachable_and_then_delivered_once()
    {
        // VTmarketing rows, whose events would act twice if repeated after a lost answer: a refusal is no lost answer.
        int[] orders = [1, 2];
        foreach (var orderId in orders)
            await _outbox.EnqueueAsync(1, orderId, TouchpointEvent.OrderPlaced, [TouchpointVendor.VtMarketing], _time.UtcNow);
        using var http = new HttpClient();
        var reachable = false;
        var closed = new Uri($"http://127.0.0.1:{ClosedPort.Find()}/");
        var node = new DeliveryNode(_outbox, _time, _vendor, configure: services =>
            services.AddScoped<ITouchpointChannel>(sp => new SwitchingChannel(() => reachable,
                new LoopbackTouchpointChannel(_vendor.Server.BaseUri, http, sp.GetRequiredService<VendorRequestSender>(), vendor: TouchpointVendor.VtMarketing),
                new LoopbackTouchpointChannel(closed, http, sp.GetRequiredService<VendorRequestSender>(), vendor: TouchpointVendor.VtMarketing))));
        _nodes.Add(node);

        await node.Dispatcher.DrainAsync(CancellationToken.None);
        Assert.That(_outbox.Snapshot(), Has.All.Matches<OrderTouchpointDelivery>(r => r.Status == DeliveryStatus.Pending && r.LastReason!.StartsWith("Connection failed: ")));
        reachable = true;
        await DeliveryLoop.RunUntilSettledAsync(node.Dispatcher, _time);

        AssertEachDeliveredExactlyOnce(orders);
        Assert.That(_outbox.Snapshot(), Has.All.Matches<OrderTouchpointDelivery>(r => r.Attempts == 2));
    }

    /// <summary>A channel that sends only after <paramref name="startsAfter"/> on the test's clock, as after a delivery's earlier requests.</summary>
    private sealed class LateChannel(ITouchpointChannel inner, TimeProvider time, TimeSpan startsAfter) : ITouchpointChannel
    {
        public VendorFacts Facts => inner.Facts;

        public Task<bool> IsActiveForAsync(int storeId, TouchpointEvent touchpointEvent) => inner.IsActiveForAsync(storeId, touchpointEvent);

        public Task<DateTime?> GetEnabledOnUtcAsync(int storeId) => inner.GetEnabledOnUtcAsync(storeId);

        public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
        {
            await Task.Delay(startsAfter, time, cancellationToken);
            return await inner.DeliverAsync(request, cancellationToken);
        }

        public Task<PayloadPreview> PreviewAsync(DeliveryRequest request, CancellationToken cancellationToken) => inner.PreviewAsync(request, cancellationToken);

        public Task<ConnectionTestResult> TestConnectionAsync(int storeId, CancellationToken cancellationToken) => inner.TestConnectionAsync(storeId, cancellationToken);
    }

    /// <summary>VTmarketing's loopback channel that sends to an unreachable address until <c>reachable</c> says otherwise.</summary>
    private sealed class SwitchingChannel(Func<bool> reachable, ITouchpointChannel open, ITouchpointChannel refused) : ITouchpointChannel
    {
        private ITouchpointChannel Current => reachable() ? open : refused;

        public VendorFacts Facts => Current.Facts;

        public Task<bool> IsActiveForAsync(int storeId, TouchpointEvent touchpointEvent) => Current.IsActiveForAsync(storeId, touchpointEvent);

        public Task<DateTime?> GetEnabledOnUtcAsync(int storeId) => Current.GetEnabledOnUtcAsync(storeId);

        public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken) => Current.DeliverAsync(request, cancellationToken);

        public Task<PayloadPreview> PreviewAsync(DeliveryRequest request, CancellationToken cancellationToken) => Current.PreviewAsync(request, cancellationToken);

        public Task<ConnectionTestResult> TestConnectionAsync(int storeId, CancellationToken cancellationToken) => Current.TestConnectionAsync(storeId, cancellationToken);
    }

    [Test]
    public async Task A_restart_in_the_middle_of_an_outage_sends_nothing_twice_and_surfaces_what_the_dead_process_left_unrecorded()
    {
        var orders = await PlaceOrdersAsync(40);
        var backOnline = _time.UtcNow.AddHours(3);
        _vendor.Answer = (_, now) => now < backOnline ? Unavailable : new FakeResponse(202, "{}");

        var before = StartNode();
        await before.Dispatcher.DrainAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));
        // The process dies right after claiming rows, before any result is recorded.
        var orphaned = await _outbox.TakeDueAsync(15, TimeSpan.FromMinutes(5));
        await before.DisposeAsync();
        _nodes.Remove(before);
        Assert.That(orphaned, Is.Not.Empty);

        var after = StartNode();
        await DeliveryLoop.RunUntilSettledAsync(after.Dispatcher, _time);

        // The loopback vendor stands for one that emails and detects no duplicates: what the dead process
        // may have sent is not sent again blindly, but failed with what to check.
        var rows = _outbox.Snapshot();
        var surfaced = rows.Where(r => r.Status == DeliveryStatus.Failed).ToList();
        Assert.That(surfaced.Select(r => r.Id), Is.EquivalentTo(orphaned.Select(r => r.Id)));
        Assert.That(surfaced, Has.All.Matches<OrderTouchpointDelivery>(r =>
            r.LastReason!.StartsWith("Sent, no answer recorded: the process sending it stopped mid-delivery. Transactionale may have it")
            && r.LastReason.Contains($"order id {r.OrderId}") && r.LastReason.EndsWith("resend it from the delivery log only if it is missing.")));
        Assert.That(_vendor.AcceptedPerOrder().Values, Has.All.EqualTo(1));

        // A person checked the vendor and resends: every order then arrived exactly once.
        await new InMemoryDeliveryReports(_outbox).ResendAsync(surfaced.Select(r => r.Id).ToList(), includeDelivered: false);
        await DeliveryLoop.RunUntilSettledAsync(after.Dispatcher, _time);
        AssertEachDeliveredExactlyOnce(orders);
    }

    [Test]
    public async Task A_claim_that_comes_back_short_is_the_drains_last()
    {
        // One checkout's rows, with send slots to spare: the claim that finds fewer rows than it asked for found all that
        // was due, so the drain claims no more (each further claim is a database round trip per checkout).
        var orders = await PlaceOrdersAsync(3);
        var (drained, claims) = await DrainCountingClaimsAsync(sendSlots: 8);

        AssertEachDeliveredExactlyOnce(orders);
        Assert.That(drained.Attempts, Is.EqualTo(orders.Length));
        Assert.That(claims.Claims, Is.EqualTo(new[] { (8, orders.Length) }));
    }

    [Test]
    public async Task A_claim_takes_only_as_many_rows_as_there_are_free_send_slots()
    {
        var orders = await PlaceOrdersAsync(30);
        var inFlight = 0;
        var maxInFlight = 0;
        _vendor.Answer = (_, _) =>
        {
            InterlockedMax(ref maxInFlight, Interlocked.Increment(ref inFlight));
            Thread.Sleep(2);
            Interlocked.Decrement(ref inFlight);
            return new FakeResponse(202, "{}");
        };
        var (drained, claims) = await DrainCountingClaimsAsync(sendSlots: 2);

        AssertEachDeliveredExactlyOnce(orders);
        Assert.That(drained.Attempts, Is.EqualTo(orders.Length));
        Assert.That(claims.Claims, Has.All.Matches<(int Asked, int Claimed)>(c => c.Asked is >= 1 and <= 2 && c.Claimed <= c.Asked));
        Assert.That(claims.Claims.Sum(c => c.Claimed), Is.EqualTo(orders.Length));
        Assert.That(maxInFlight, Is.InRange(1, 2), "no more sends at once than slots");
        Assert.That(_outbox.Snapshot(), Has.All.Matches<OrderTouchpointDelivery>(r => r.Attempts == 1));
    }

    [Test]
    public async Task A_send_slower_than_the_lease_keeps_its_lease_renewed_so_no_other_node_takes_it_over()
    {
        var orders = new[] { 1 };
        await _outbox.EnqueueAsync(1, 1, TouchpointEvent.OrderPlaced, [TouchpointVendor.VtMarketing], _time.UtcNow);
        using var answer = new ManualResetEventSlim();
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _vendor.Answer = (_, _) =>
        {
            asked.TrySetResult();
            answer.Wait(TimeSpan.FromSeconds(30));
            return new FakeResponse(202, "{}");
        };
        var outbox = new FailingRecordsOutbox(_outbox);
        var node = NodeWithSlowChannel(outbox);

        var drain = node.Dispatcher.DrainAsync(CancellationToken.None);
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        for (var renewal = 1; renewal <= 6; renewal++)
        {
            _time.Advance(DrainPlan.LeaseRenewal);
            // The renewal runs on a timer callback: on a busy machine it may take a while, and the clock must not move on before it.
            for (var wait = 0; outbox.Renewals < renewal && wait < 3000; wait++)
                await Task.Delay(10);
            Assert.That(await _outbox.TakeDueAsync(10, DrainPlan.Lease), Is.Empty, $"another node finds nothing to take over after {renewal * 10} s");
        }
        answer.Set();
        await drain.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(outbox.Renewals, Is.GreaterThanOrEqualTo(6));
        AssertEachDeliveredExactlyOnce(orders);
        Assert.That(_outbox.Snapshot().Single().Attempts, Is.EqualTo(1));
    }

    // A VTmarketing channel (a repeat acts twice) whose attempt timeout and send time limit outlast what the test advances the clock by.
    private DeliveryNode NodeWithSlowChannel(IDeliveryOutbox outbox)
    {
        var http = new HttpClient();
        var node = new DeliveryNode(outbox, _time, _vendor, new OrderTouchpointsDeliverySettings { AttemptTimeoutSeconds = 120 }, configure: services =>
            services.AddScoped<ITouchpointChannel>(sp => new LoopbackTouchpointChannel(_vendor.Server.BaseUri, http,
                sp.GetRequiredService<VendorRequestSender>(), vendor: TouchpointVendor.VtMarketing, repeat: RepeatEffect.ActsTwice)));
        _nodes.Add(node);
        return node;
    }

    [Test]
    public async Task A_killed_nodes_rows_being_sent_fail_as_outcome_unknown_within_a_minute_while_its_pending_rows_are_sent()
    {
        var orders = await PlaceOrdersAsync(10);
        // The node claimed three rows and was killed: they may have reached the vendor; the seven pending ones never left.
        var killedOn = _time.UtcNow;
        var sending = await _outbox.TakeDueAsync(3, DrainPlan.Lease);

        var after = StartNode();
        var first = await after.Dispatcher.DrainAsync(CancellationToken.None);
        Assert.That(first.Attempts, Is.EqualTo(7), "nothing is taken from a live lease");
        await DeliveryLoop.RunUntilSettledAsync(after.Dispatcher, _time);

        var rows = _outbox.Snapshot();
        var unknown = rows.Where(r => r.Status == DeliveryStatus.Failed).ToList();
        Assert.That(unknown.Select(r => r.Id), Is.EquivalentTo(sending.Select(r => r.Id)));
        Assert.That(unknown, Has.All.Matches<OrderTouchpointDelivery>(r => r.LastReason!.StartsWith("Sent, no answer recorded") && r.Attempts == 1
            && r.FinishedOnUtc - killedOn <= TimeSpan.FromSeconds(60)));
        var pending = rows.Where(r => !sending.Any(s => s.Id == r.Id)).ToList();
        Assert.That(pending, Has.All.Matches<OrderTouchpointDelivery>(r => r.Status == DeliveryStatus.Delivered && r.Attempts == 1));
        Assert.That(_vendor.AcceptedPerOrder(), Is.EquivalentTo(pending.ToDictionary(r => r.OrderId, _ => 1)));
        Assert.That(orders, Has.Length.EqualTo(10));
    }

    [Test]
    public async Task A_send_still_running_when_the_stop_grace_ends_is_cut_and_follows_the_unknown_outcome_rule()
    {
        await _outbox.EnqueueAsync(1, 1, TouchpointEvent.OrderPlaced, [TouchpointVendor.VtMarketing], _time.UtcNow);
        _vendor.Answer = (_, _) => new FakeResponse(202, "{}", Delay: TimeSpan.FromMinutes(5));
        var node = NodeWithSlowChannel(_outbox);
        using var stopping = new CancellationTokenSource();

        var drain = node.Dispatcher.DrainAsync(stopping.Token);
        await _vendor.FirstRequest.WaitAsync(TimeSpan.FromSeconds(30));
        await stopping.CancelAsync();
        _time.Advance(DrainPlan.StopGrace + TimeSpan.FromSeconds(1));
        try
        {
            await drain.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
        }

        var row = _outbox.Snapshot().Single();
        Assert.That((row.Status, row.ClaimToken), Is.EqualTo((DeliveryStatus.Failed, (Guid?)null)), "settled before the node is gone");
        Assert.That(row.LastReason, Is.EqualTo(UnknownOutcome.Reason(TestVendors.Registered.Of(TouchpointVendor.VtMarketing), row.OrderId, TouchpointEvent.OrderPlaced,
            "cut without an answer when the application stopped")));
        Assert.That(_vendor.Exchanges, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Two_dispatchers_draining_one_backlog_at_once_never_send_a_delivery_twice()
    {
        var orders = await PlaceOrdersAsync(300);
        _vendor.Answer = (_, _) => new FakeResponse(202, "{}");
        var settings = new OrderTouchpointsDeliverySettings { MaxConcurrentSends = 4 };
        var first = StartNode(settings);
        var second = StartNode(settings);

        var results = await Task.WhenAll(
            Task.Run(() => first.Dispatcher.DrainAsync(CancellationToken.None)),
            Task.Run(() => second.Dispatcher.DrainAsync(CancellationToken.None)));

        AssertEachDeliveredExactlyOnce(orders);
        Assert.That(results.Sum(r => r.Attempts), Is.EqualTo(orders.Length), "no row was attempted by both");
        Assert.That(_vendor.Exchanges, Has.Count.EqualTo(orders.Length));
    }

    [Test]
    public async Task Retries_follow_the_schedule_with_jitter_and_the_delivery_fails_after_the_last()
    {
        await PlaceOrdersAsync(1);
        _vendor.Answer = (_, _) => Unavailable;
        var node = StartNode();

        await DeliveryLoop.RunUntilSettledAsync(node.Dispatcher, _time);

        var attempts = _vendor.ExchangesOf(1);
        Assert.That(attempts.Select(a => a.Attempt), Is.EqualTo(Enumerable.Range(1, 9)));
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b.ReceivedOnUtc - a.ReceivedOnUtc).ToList();
        for (var i = 0; i < gaps.Count; i++)
        {
            var scheduled = RetrySchedule.Default.Delays[i];
            Assert.That(gaps[i], Is.InRange(scheduled * 0.9, scheduled * 1.1), $"retry {i + 1}");
        }
        var row = _outbox.Snapshot().Single();
        Assert.That(row.Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(row.Attempts, Is.EqualTo(9));
        Assert.That(row.LastHttpStatus, Is.EqualTo(503));
        Assert.That(row.LastReason, Does.StartWith("Gave up after 9 attempts in ").And.Contains(" h. Last: HTTP 503"));
    }

    [Test]
    public async Task A_rejected_delivery_fails_at_once_with_the_vendor_reason_and_no_email_in_it()
    {
        await PlaceOrdersAsync(1);
        _vendor.Answer = (_, _) => new FakeResponse(400, """{"error":"invalid contact giulia.rossi@example.com"}""");
        var node = StartNode();

        await DeliveryLoop.RunUntilSettledAsync(node.Dispatcher, _time);

        var row = _outbox.Snapshot().Single();
        Assert.That(row.Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(row.Attempts, Is.EqualTo(1));
        Assert.That(row.LastHttpStatus, Is.EqualTo(400));
        Assert.That(row.LastReason, Does.StartWith("HTTP 400").And.Contains("[email]").And.Not.Contains("@"));
        Assert.That(_vendor.Exchanges, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_delivery_that_cannot_be_sent_is_skipped_without_calling_the_vendor()
    {
        await PlaceOrdersAsync(2);
        var node = StartNode();
        node.UnsendableOrders.Add(2);

        await DeliveryLoop.RunUntilSettledAsync(node.Dispatcher, _time);

        var skipped = _outbox.Snapshot().Single(r => r.OrderId == 2);
        Assert.That(skipped.Status, Is.EqualTo(DeliveryStatus.Skipped));
        Assert.That(skipped.LastReason, Is.EqualTo("The order has no email address."));
        Assert.That(_vendor.AcceptedPerOrder(), Is.EquivalentTo(new Dictionary<int, int> { [1] = 1 }));
    }

    [Test]
    public async Task A_channel_that_throws_is_retried_later_with_a_generic_reason()
    {
        await PlaceOrdersAsync(1);
        var throwing = new Mock<ITouchpointChannel>();
        throwing.SetupGet(c => c.Facts).Returns(TestVendors.Registered.Of(TouchpointVendor.VtMarketing));
        throwing.Setup(c => c.DeliverAsync(It.IsAny<DeliveryRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("customer giulia.rossi@example.com has no address"));
        await _outbox.EnqueueAsync(1, 1, TouchpointEvent.OrderPlaced, [TouchpointVendor.VtMarketing], _time.UtcNow);
        var node = new DeliveryNode(_outbox, _time, _vendor, configure: services => services.AddScoped(_ => throwing.Object));
        _nodes.Add(node);

        await node.Dispatcher.DrainAsync(CancellationToken.None);

        var row = _outbox.Snapshot().Single(r => r.Vendor == TouchpointVendor.VtMarketing);
        Assert.That(row.Status, Is.EqualTo(DeliveryStatus.Pending));
        Assert.That(row.LastReason, Is.EqualTo("The VtMarketing channel failed unexpectedly (InvalidOperationException); details are in System → Log."));
        Assert.That(row.NextAttemptOnUtc, Is.InRange(_time.UtcNow.AddSeconds(9), _time.UtcNow.AddSeconds(11)));
        // nopCommerce's log gets the type and where it happened, never the message that quotes the customer.
        node.Logger.Verify(l => l.WarningAsync(
            It.Is<string>(m => m.Contains("InvalidOperationException") && m.Contains("VtMarketing") && !m.Contains("giulia.rossi")),
            null, null), Times.Once);
    }

    [Test]
    public async Task Concurrency_is_bounded_by_the_setting()
    {
        var orders = await PlaceOrdersAsync(40);
        var inFlight = 0;
        var maxInFlight = 0;
        _vendor.Answer = (_, _) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            Thread.Sleep(5);
            Interlocked.Decrement(ref inFlight);
            return new FakeResponse(202, "{}");
        };
        var node = StartNode(new OrderTouchpointsDeliverySettings { MaxConcurrentSends = 3 });

        await node.Dispatcher.DrainAsync(CancellationToken.None);

        AssertEachDeliveredExactlyOnce(orders);
        Assert.That(maxInFlight, Is.InRange(1, 3));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
