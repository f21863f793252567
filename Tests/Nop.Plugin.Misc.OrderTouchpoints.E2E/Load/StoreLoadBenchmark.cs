using System.Diagnostics;
using System.Globalization;
using System.Text;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Load;

/// <summary>
/// The checkout-under-load benchmark (<c>build/bench.sh store-load</c>), not a test of speed: it prints figures and
/// fails only when an order did not reach every enabled vendor exactly once or a vendor saw a request off its contract.
/// On one warm store with the plugin installed (warm-up rounds each way until its background JIT has settled): rounds of
/// concurrent storefront checkouts with the three vendors off and on in turn, each <c>OpcConfirmOrder</c> timed; then the
/// orders of the vendors-off rounds are given to the dispatcher at once (their outbox rows written as failed, then one
/// resend) while no checkout runs, and the store process's CPU time across that drain, less the idle store's, is the
/// plugin's background cost per order delivered to all three. The on − off differences of the confirm's p50 and p99 come
/// with a 90 % interval over the round pairs (<see cref="RoundPairs"/>), which says whether the run can decide the target.
/// Sizes: STORE_LOAD_CHECKOUTS (concurrent customers, 4), STORE_LOAD_ROUNDS (rounds each way, 6),
/// STORE_LOAD_ORDERS (orders per round, 16).
/// </summary>
[TestFixture, Explicit("a benchmark of the real store: build/bench.sh store-load"), Category("StoreLoad")]
public sealed class StoreLoadBenchmark : StoreScenario
{
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromMinutes(2);
    // Well beyond one order's drain on a quiet store (tens of ms), so each drain ends before the next order falls due.
    private static readonly TimeSpan OneOrderSpacing = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan IdleSample = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan IdleSettleLimit = TimeSpan.FromSeconds(60);
    // 5 % of a core: what the store takes with nothing to do (its timers, the scheduler's polling).
    private const double SettledRate = 0.05;
    // A warm-up pair of rounds whose store CPU was at most this share background JIT ends the warm-up (after the first
    // 100 s of checkouts it stays at 0-2 %); at most MaxWarmUpPairs pairs, about 20 s each.
    private const double SettledJitShare = 0.03;
    private const int MaxWarmUpPairs = 12;
    // PostgreSQL 15 backends flush their statistics at most once a second while busy, and within a second of going idle.
    private static readonly TimeSpan StatsFlush = TimeSpan.FromSeconds(2);
    private const string HeldBackReason = "queued by the load benchmark while the dispatcher was held back";

    [Test]
    public async Task Checkouts_under_load_with_vendors_off_and_on()
    {
        var suite = Suite.Current;
        var concurrency = Setting("STORE_LOAD_CHECKOUTS", 4);
        var roundsEachWay = Setting("STORE_LOAD_ROUNDS", 6);
        var ordersPerRound = Setting("STORE_LOAD_ORDERS", 16);
        await StoreSetup.EnsureConfiguredAsync();
        var report = new StringBuilder();
        void Note(string line)
        {
            report.AppendLine(line);
            TestContext.Out.WriteLine(line);
        }

        var page = await suite.NewAdminPageAsync();
        var configure = new ConfigurePage(page);
        var checkouts = new LoadCheckouts(suite, concurrency);
        var rounds = new List<LoadRound>();
        var violations = new List<string>();
        var clock = Stopwatch.StartNew();
        // The store's CPU across the counted rounds of each side, each until its deliveries are out: what the vendors-on side
        // spends beyond the other is the plugin's work while checkouts run.
        var roundCpu = new Dictionary<bool, TimeSpan> { [false] = TimeSpan.Zero, [true] = TimeSpan.Zero };
        // This process over the same rounds (the customers' browsers and the fake vendors): the vendors-on side also pays for
        // the fake vendors, on the same cores as the store.
        var clientCpu = new Dictionary<bool, TimeSpan> { [false] = TimeSpan.Zero, [true] = TimeSpan.Zero };
        // The whole machine over the same rounds: the database's work for the plugin shows only here.
        var machineCpu = new Dictionary<bool, TimeSpan> { [false] = TimeSpan.Zero, [true] = TimeSpan.Zero };
        var databaseCpu = new Dictionary<bool, TimeSpan> { [false] = TimeSpan.Zero, [true] = TimeSpan.Zero };
        var pid = int.Parse(suite.Node.CurrentPid()!, CultureInfo.InvariantCulture);
        var roundJit = new Dictionary<bool, TimeSpan> { [false] = TimeSpan.Zero, [true] = TimeSpan.Zero };
        var warmUpPairs = 0;
        await using var jit = new BackgroundJitCpu(pid);
        try
        {
            async Task<(TimeSpan StoreCpu, TimeSpan Jit)> RoundAsync(string name, bool vendorsOn, bool counted)
            {
                await configure.OpenAsync();
                await configure.SetVendorsEnabledAsync(vendorsOn);
                var cpuAtStart = ProcessCpu(pid);
                var jitAtStart = jit.Total;
                var clientCpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
                var machineCpuAtStart = ProcCpu.Machine();
                var databaseCpuAtStart = ProcCpu.PostgreSqlServer();
                var placed = await checkouts.RunRoundAsync(ordersPerRound, vendorsOn, vendorsOn ? "load-on" : "load-off");
                // The next round starts only once this one's deliveries are out, so each round has the node to itself.
                if (vendorsOn && !await Eventually.TrueAsync(() => placed.Orders.All(o => ArrivedEverywhere(suite, o)), DeliveryWait))
                    violations.Add($"{name}: not every order reached every vendor within {DeliveryWait.TotalSeconds:0} s");
                var storeCpu = ProcessCpu(pid) - cpuAtStart;
                var roundMachineCpu = ProcCpu.Machine() - machineCpuAtStart;
                var roundDatabaseCpu = ProcCpu.PostgreSqlServer() - databaseCpuAtStart;
                var jitCpu = jit.Total - jitAtStart;
                if (counted)
                {
                    rounds.Add(placed);
                    roundCpu[vendorsOn] += storeCpu;
                    roundJit[vendorsOn] += jitCpu;
                    clientCpu[vendorsOn] += Process.GetCurrentProcess().TotalProcessorTime - clientCpuAtStart;
                    machineCpu[vendorsOn] += roundMachineCpu;
                    databaseCpu[vendorsOn] += roundDatabaseCpu;
                }
                Note($"# {name} vendors {(vendorsOn ? "on " : "off")}: {placed.Orders.Count} orders, confirm p50 " +
                     $"{Percentiles.NearestRank(Confirms(placed), 0.5):F0} ms, {placed.Aborted} aborted by nopCommerce, " +
                     $"store CPU {storeCpu.TotalMilliseconds:F0} ms of which background JIT {jitCpu.TotalMilliseconds:F0} ms, machine CPU {roundMachineCpu.TotalMilliseconds:F0} ms, " +
                     $"{clock.Elapsed.TotalSeconds:F0} s into the run");
                return (storeCpu, jitCpu);
            }

            // Warm-up rounds (not counted) until the store's background JIT has settled: a young store recompiles hot methods
            // for its first minutes of traffic (a fifth to half of a core in the first 100 s of checkouts), on both sides.
            do
            {
                warmUpPairs++;
                var warmOff = await RoundAsync($"warm-up {warmUpPairs}", vendorsOn: false, counted: false);
                var warmOn = await RoundAsync($"warm-up {warmUpPairs}", vendorsOn: true, counted: false);
                if ((warmOff.Jit + warmOn.Jit) / (warmOff.StoreCpu + warmOn.StoreCpu) <= SettledJitShare)
                    break;
            }
            while (warmUpPairs < MaxWarmUpPairs);

            for (var round = 0; round < roundsEachWay; round++)
            {
                foreach (var vendorsOn in new[] { false, true })
                    await RoundAsync($"round {round}", vendorsOn, counted: true);
            }
            await configure.OpenAsync();
            await configure.SetVendorsEnabledAsync(true);
        }
        finally
        {
            await Suite.CloseAsync(page);
        }

        var onOrders = rounds.Where(r => r.VendorsOn).SelectMany(r => r.Orders).ToList();
        var offOrders = rounds.Where(r => !r.VendorsOn).SelectMany(r => r.Orders).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate would arrive right behind the first request
        violations.AddRange(onOrders.SelectMany(o => CountViolations(suite, o, expected: 1)));
        violations.AddRange(offOrders.SelectMany(o => CountViolations(suite, o, expected: 0)));
        var orderToVendor = await OrderToVendorMillisecondsAsync(suite, onOrders);

        // Half the orders drain at once (a backlog), half one checkout's rows at a time (as checkouts signal): the difference
        // is what a drain costs beyond its sends.
        var batchOrders = offOrders.Take(offOrders.Count / 2).ToList();
        var singleOrders = offOrders.Skip(batchOrders.Count).ToList();
        var (cpuPerOrder, drainSeconds) = await DispatcherCpuPerOrderAsync(suite, pid, jit, batchOrders, oneOrderAtATime: false, Note);
        var (cpuPerSingleOrder, _) = await DispatcherCpuPerOrderAsync(suite, pid, jit, singleOrders, oneOrderAtATime: true, Note);
        await Task.Delay(TimeSpan.FromSeconds(2));
        violations.AddRange(offOrders.SelectMany(o => CountViolations(suite, o, expected: 1)));
        violations.AddRange(Enum.GetValues<TouchpointVendor>().SelectMany(v => suite.Vendors.Violations(v).Select(violation => $"{v}: {violation}")));

        var off = offOrders.Select(o => o.ConfirmTook.TotalMilliseconds).ToList();
        var on = onOrders.Select(o => o.ConfirmTook.TotalMilliseconds).ToList();
        Note($"# {concurrency} concurrent checkouts, {roundsEachWay} rounds of {ordersPerRound} orders each way after {warmUpPairs} warm-up rounds " +
             $"each way, {clock.Elapsed.TotalSeconds:F0} s; OpcConfirmOrder timed at the client");
        Note($"# vendors off: {off.Count} orders, mean {off.Average():F1} ms; vendors on: {on.Count} orders, mean {on.Average():F1} ms");
        // Counted rounds run off, then on: each pair shared the store's state of its minute.
        var pairs = rounds.Chunk(2).Where(pair => pair.Length == 2)
            .Select(pair => (Confirms(pair[0]), Confirms(pair[1]))).ToList();
        Note(Verdict("p50", RoundPairs.Difference(pairs, 0.5), 10, pairs.Count));
        Note(Verdict("p99", RoundPairs.Difference(pairs, 0.99), 25, pairs.Count));
        Note($"# checkouts aborted by nopCommerce (\"The transaction has aborted\") and placed again: vendors off {rounds.Where(r => !r.VendorsOn).Sum(r => r.Aborted)}, " +
             $"vendors on {rounds.Where(r => r.VendorsOn).Sum(r => r.Aborted)}");
        Note($"# dispatcher alone: {batchOrders.Count} orders × 3 vendors drained in {drainSeconds:F1} s with no checkout running; " +
             $"{cpuPerSingleOrder:F2} ms of store CPU per order when {singleOrders.Count} orders were drained one order at a time");
        var liveCpuPerOrder = (roundCpu[true].TotalMilliseconds - roundCpu[false].TotalMilliseconds) / Math.Max(1, onOrders.Count);
        Note($"# store CPU over the counted rounds: vendors off {roundCpu[false].TotalMilliseconds:F0} ms for {offOrders.Count} orders, vendors on " +
             $"{roundCpu[true].TotalMilliseconds:F0} ms for {onOrders.Count} orders (rounds with the vendors on last until their deliveries are out)");
        Note($"# of which the store's background JIT (tiered recompilation): vendors off {roundJit[false].TotalMilliseconds:F0} ms, vendors on " +
             $"{roundJit[true].TotalMilliseconds:F0} ms");
        Note($"# the same rounds' CPU of the customers and the fake vendors (this process): vendors off {clientCpu[false].TotalMilliseconds:F0} ms, " +
             $"vendors on {clientCpu[true].TotalMilliseconds:F0} ms");
        Note($"# the same rounds' CPU of the whole machine (the store, its database, this process and the rest): vendors off " +
             $"{machineCpu[false].TotalMilliseconds:F0} ms, vendors on {machineCpu[true].TotalMilliseconds:F0} ms; outside the store and this " +
             $"process: off {(machineCpu[false] - roundCpu[false] - clientCpu[false]).TotalMilliseconds:F0} ms, on " +
             $"{(machineCpu[true] - roundCpu[true] - clientCpu[true]).TotalMilliseconds:F0} ms, of which the PostgreSQL server off " +
             $"{databaseCpu[false].TotalMilliseconds:F0} ms, on {databaseCpu[true].TotalMilliseconds:F0} ms");
        Note($"# contract violations (an order not at every enabled vendor exactly once, or a request off a vendor's contract): {violations.Count}");
        foreach (var violation in violations.Take(20))
            Note("#   " + violation);
        Note($"METRIC checkout_confirm_ms_p50_vendors_off {Percentiles.NearestRank(off, 0.5):F1} ms");
        Note($"METRIC checkout_confirm_ms_p50_vendors_on {Percentiles.NearestRank(on, 0.5):F1} ms");
        Note($"METRIC checkout_confirm_ms_p99_vendors_off {Percentiles.NearestRank(off, 0.99):F1} ms");
        Note($"METRIC checkout_confirm_ms_p99_vendors_on {Percentiles.NearestRank(on, 0.99):F1} ms");
        Note($"METRIC order_to_vendor_ms_p99 {Percentiles.NearestRank(orderToVendor, 0.99):F0} ms");
        Note($"METRIC plugin_cpu_ms_per_order {cpuPerOrder:F2} ms");
        Note($"METRIC plugin_cpu_ms_per_order_while_checking_out {liveCpuPerOrder:F2} ms");
        Note($"METRIC store_load_contract_violations {violations.Count} violations");
        await File.WriteAllTextAsync(suite.Environment.Artifact("store-load.txt"), report.ToString());

        Assert.That(violations, Is.Empty, "every order reached every enabled vendor exactly once, on the vendors' contract");
    }

    /// <summary>
    /// Writes the vendors-off orders' outbox rows (3 per order) as failed, so the worker leaves them alone, measures the idle
    /// store's CPU rate, then resends them all with one admin request (or the first order's, the others falling due
    /// <see cref="OneOrderSpacing"/> apart) and takes the store process's CPU time until every row is delivered: (CPU across
    /// the drain − idle rate × its length) / orders.
    /// </summary>
    private static async Task<(double CpuMsPerOrder, double DrainSeconds)> DispatcherCpuPerOrderAsync(Suite suite, int pid,
        BackgroundJitCpu jit, IReadOnlyList<PlacedOrder> orders, bool oneOrderAtATime, Action<string> note)
    {
        // A run of one or two vendors-off orders leaves a half empty: there is no drain to measure.
        if (orders.Count == 0)
            return (double.NaN, 0);
        var db = suite.Database;
        var idList = string.Join(",", orders.Select(o => o.OrderId.ToString(CultureInfo.InvariantCulture)));
        var now = DateTime.UtcNow;
        await db.ExecuteAsync($"""
            insert into "OrderTouchpointDelivery" ("StoreId", "OrderId", "VendorId", "EventId", "EventSourceId", "StatusId", "Attempts",
                "NextAttemptOnUtc", "FinishedOnUtc", "CreatedOnUtc", "EventOccurredOnUtc", "LastReason")
            select o."StoreId", o."Id", v."VendorId", {(int)TouchpointEvent.OrderPlaced}, 0, {(int)DeliveryStatus.Failed}, 1, $1, $1, $1, o."CreatedOnUtc", $2
            from "Order" o cross join (select 1 as "VendorId" union all select 2 union all select 3) v
            where o."Id" in ({idList})
            """, now, HeldBackReason);
        var rows = (await db.QueryAsync($"""select "Id", "OrderId" from "OrderTouchpointDelivery" where "OrderId" in ({idList}) and "LastReason" = $1""", HeldBackReason))
            .Select(r => (Id: Convert.ToInt32(r["Id"], CultureInfo.InvariantCulture), OrderId: Convert.ToInt32(r["OrderId"], CultureInfo.InvariantCulture)))
            .ToList();
        var rowIds = rows.Select(r => r.Id).ToList();

        var idleRate = await SettledIdleRateAsync(pid);
        var transactionsBefore = await DatabaseTransactionsAsync(db);

        await suite.Admin.GetPageAsync(OrderTouchpointsDefaults.DeliveryLogPath);
        // One order at a time as checkouts would queue them: the first order is resent, each next one falls due on its own a
        // little later (after the drain before it ended), so the worker runs one drain per order without an admin request
        // each. Written in one statement before the measured window, so none of the benchmark's writes is in it.
        var resent = rows;
        if (oneOrderAtATime && orders.Count > 1)
        {
            resent = rows.Where(r => r.OrderId == orders[0].OrderId).ToList();
            var later = orders.Skip(1).ToList();
            var position = string.Join(" ", later.Select((o, i) => FormattableString.Invariant($"when {o.OrderId} then {i + 1}")));
            await db.ExecuteAsync($"""
                update "OrderTouchpointDelivery" set "StatusId" = $1, "FinishedOnUtc" = null,
                    "NextAttemptOnUtc" = (now() at time zone 'utc') + (case "OrderId" {position} end) * $2 * interval '1 millisecond'
                where "OrderId" in ({string.Join(",", later.Select(o => o.OrderId.ToString(CultureInfo.InvariantCulture)))}) and "LastReason" = $3
                """, (int)DeliveryStatus.Pending, OneOrderSpacing.TotalMilliseconds, HeldBackReason);
        }
        var statementsBefore = await StatementTimes.ReadAsync(db);
        var drainClock = Stopwatch.StartNew();
        var cpuBefore = ProcessCpu(pid);
        var jitBefore = jit.Total;
        var machineBefore = ProcCpu.Machine();
        var databaseBefore = ProcCpu.PostgreSqlServer();
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var resend = await suite.Admin.PostFormAsync("Admin/OrderTouchpointsDeliveryLog/ResendSelected",
            resent.Select(r => new KeyValuePair<string, string>("selectedIds", r.Id.ToString(CultureInfo.InvariantCulture))), ajax: true);
        if (!resend.IsSuccessStatusCode)
            throw new InvalidOperationException($"the resend of the held-back rows answered {(int)resend.StatusCode}");
        var polls = 0;
        var drained = await Eventually.TrueAsync(async () =>
        {
            polls++;
            return await db.CountForOrdersAsync("OrderTouchpointDelivery", orders.Select(o => o.OrderId),
                $""" "StatusId" = {(int)DeliveryStatus.Delivered}""") == rowIds.Count;
        }, DeliveryWait);
        var cpuAfter = ProcessCpu(pid);
        var machineMs = (ProcCpu.Machine() - machineBefore).TotalMilliseconds;
        var databaseMs = (ProcCpu.PostgreSqlServer() - databaseBefore).TotalMilliseconds;
        var clientMs = (Process.GetCurrentProcess().TotalProcessorTime - clientBefore).TotalMilliseconds;
        var jitMs = (jit.Total - jitBefore).TotalMilliseconds;
        var drainMs = drainClock.Elapsed.TotalMilliseconds;
        if (!drained)
            throw new InvalidOperationException($"the {rowIds.Count} held-back deliveries were not all delivered within {DeliveryWait.TotalSeconds:0} s");
        var spent = (cpuAfter - cpuBefore).TotalMilliseconds;
        await Task.Delay(StatsFlush);
        var transactions = await DatabaseTransactionsAsync(db) - transactionsBefore;
        note($"# dispatcher CPU{(oneOrderAtATime ? ", one order at a time" : "")}: {spent:F0} ms of store CPU over {drainMs:F0} ms for {rowIds.Count} deliveries; idle store {idleRate * 1000:F1} ms CPU per s " +
             $"(its floor before the drain), so {(spent - idleRate * drainMs) / rowIds.Count:F2} ms per delivery; background JIT {jitMs:F0} ms of it; " +
             $"the whole machine {machineMs:F0} ms, of which the fake vendors and this run's polling {clientMs:F0} ms, the PostgreSQL server " +
             $"{databaseMs / rowIds.Count:F2} ms per delivery and the rest (the kernel's network and scheduling, other processes) " +
             $"{(machineMs - spent - clientMs - databaseMs) / rowIds.Count:F2} ms per delivery; {transactions} database transactions, " +
             $"{(double)transactions / rowIds.Count:F1} per delivery (this run's {polls} polls among them, one or two each)");
        if (statementsBefore is not null && await StatementTimes.ReadAsync(db) is { } statementsAfter)
            NoteStatementTimes(statementsAfter.Since(statementsBefore), rowIds.Count, oneOrderAtATime, note);
        return ((spent - idleRate * drainMs) / orders.Count, drainMs / 1000);
    }

    // DISCARD ALL is left out: the benchmark's own connections send it too (about 0.03 ms each).
    private static void NoteStatementTimes(IReadOnlyList<StatementTimes.Statement> statements, int deliveries, bool oneOrderAtATime,
        Action<string> note)
    {
        var drain = statements.Where(s => s.Text != "DISCARD ALL").ToList();
        var totalMs = drain.Sum(s => s.TotalMs);
        note($"# database time{(oneOrderAtATime ? ", one order at a time" : "")} (pg_stat_statements, DISCARD ALL left out): " +
             $"{totalMs / deliveries:F2} ms per delivery in {(double)drain.Sum(s => s.Calls) / deliveries:F1} statements, " +
             $"{(totalMs > 0 ? drain.Sum(s => s.PlanMs) / totalMs : 0):P0} of it planning; the largest:");
        foreach (var statement in drain.Take(8))
        {
            note($"#   {(double)statement.Calls / deliveries:F2} per delivery × {statement.TotalMs / statement.Calls:F3} ms " +
                 $"({statement.PlanMs / statement.TotalMs:P0} planning): {statement.Gist(130)}");
        }
    }

    /// <summary>
    /// The idle store's own CPU rate (ms per ms): after a round of checkouts it keeps a core busy for a while (tiered JIT,
    /// garbage collection, nopCommerce's tasks), so windows are sampled until one shows the store settled, or for at most
    /// <see cref="IdleSettleLimit"/>; the lowest window is the floor that also runs on during the drain.
    /// </summary>
    private static async Task<double> SettledIdleRateAsync(int pid)
    {
        var floor = double.MaxValue;
        var settling = Stopwatch.StartNew();
        while (settling.Elapsed < IdleSettleLimit)
        {
            var start = ProcessCpu(pid);
            var window = Stopwatch.StartNew();
            await Task.Delay(IdleSample);
            floor = Math.Min(floor, (ProcessCpu(pid) - start).TotalMilliseconds / window.Elapsed.TotalMilliseconds);
            if (floor < SettledRate)
                break;
        }
        return floor;
    }

    private static TimeSpan ProcessCpu(int pid) => ProcCpu.Of($"/proc/{pid}/stat");

    /// <summary>
    /// PostgreSQL's count of the store database's transactions: outside a transaction of its own each statement is one,
    /// the <c>DISCARD ALL</c> that resets a pooled connection on its next use included. A backend reports its counts
    /// within a second of going idle (<see cref="StatsFlush"/>).
    /// </summary>
    private static Task<long> DatabaseTransactionsAsync(StoreDatabase db) =>
        db.ScalarAsync<long>("select xact_commit + xact_rollback from pg_stat_database where datname = current_database()");

    private static bool ArrivedEverywhere(Suite suite, PlacedOrder order) =>
        VendorRequests.Transactionale(suite.Vendors, order.Email).Count > 0
        && VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber).Count > 0
        && VendorRequests.VtMarketing(suite.Vendors, order.OrderNumber).Count > 0;

    private static IEnumerable<string> CountViolations(Suite suite, PlacedOrder order, int expected)
    {
        var counts = new (string Vendor, int Count)[]
        {
            ("Transactionale", VendorRequests.Transactionale(suite.Vendors, order.Email).Count),
            ("Voyado Engage", VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber).Count),
            ("VTmarketing", VendorRequests.VtMarketing(suite.Vendors, order.OrderNumber).Count)
        };
        return counts.Where(c => c.Count != expected).Select(c => $"order {order.OrderNumber}: {c.Count} requests at {c.Vendor}, expected {expected}");
    }

    /// <summary>From the order row's creation (inside the confirm request) to each vendor receiving it.</summary>
    private static async Task<List<double>> OrderToVendorMillisecondsAsync(Suite suite, IReadOnlyList<PlacedOrder> orders)
    {
        var latencies = new List<double>();
        foreach (var order in orders)
        {
            var createdOnUtc = new DateTimeOffset(DateTime.SpecifyKind(await suite.Database.ScalarAsync<DateTime>(
                """select "CreatedOnUtc" from "Order" where "Id" = $1""", order.OrderId), DateTimeKind.Utc));
            latencies.AddRange(VendorRequests.Transactionale(suite.Vendors, order.Email)
                .Concat(VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber))
                .Concat(VendorRequests.VtMarketing(suite.Vendors, order.OrderNumber))
                .Select(r => (r.ReceivedAt - createdOnUtc).TotalMilliseconds));
        }
        return latencies;
    }

    private static IReadOnlyList<double> Confirms(LoadRound round) => round.Orders.Select(o => o.ConfirmTook.TotalMilliseconds).ToList();

    // The targets at K = 4: the vendors-on side within these of the vendors-off side.
    private static string Verdict(string name, PercentileDifference difference, double bound, int pairs) =>
        pairs < RoundPairs.MinimumPairs
            ? $"# {name} difference {difference.Estimate:+0.0;-0.0} ms over {pairs} round pairs: within {bound:0} ms undecided " +
              $"(an interval needs at least {RoundPairs.MinimumPairs} pairs: --rounds {RoundPairs.MinimumPairs} or more)"
            : $"# {name} difference {difference.Estimate:+0.0;-0.0} ms, 90 % interval over the {pairs} round pairs {difference.Low:+0.0;-0.0} to " +
              $"{difference.High:+0.0;-0.0} ms: within {bound:0} ms " + difference.IsWithin(bound) switch
              {
                  true => "met",
                  false => "not met",
                  null => "undecided at this run's size"
              };

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
