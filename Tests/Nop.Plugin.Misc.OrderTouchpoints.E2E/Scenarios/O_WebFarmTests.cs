using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Scenarios;

/// <summary>
/// Two nodes on one database (nophost's second node): orders placed on both during an Engage outage are delivered
/// once it ends, and when the node sending for the vendor keys is stopped the other one takes over. Every order reaches every vendor exactly once; Engage, counted at the vendor, must never get more
/// requests in any second than the configured limit for the whole farm.
/// </summary>
[TestFixture, Order(11)]
public sealed class O_WebFarmTests : StoreScenario
{
    private const int EngageLimitPerSecond = 4;
    private const int OrdersPerNode = 6;

    private sealed record FarmRun(IReadOnlyList<PlacedOrder> Orders, int BusiestEngageSecond, int DrainRequests);

    // One farm run serves every test of the fixture: starting node 2 and draining an outage is the expensive part.
    private static Task<FarmRun>? _run;

    private static Task<FarmRun> RunOnceAsync(Suite suite) => _run ??= RunFarmAsync(suite);

    [Test, Order(1)]
    public async Task Two_nodes_send_each_delivery_once()
    {
        var suite = Suite.Current;
        var run = await RunOnceAsync(suite);

        Assert.That(run.Orders.Select(o => AcceptedEngagePosts(suite, o)), Has.All.EqualTo(1), "no order was posted to Engage twice");
        Assert.That(run.Orders.Select(o => VendorRequests.VtMarketing(suite.Vendors, o.OrderNumber).Count), Has.All.EqualTo(1));
        Assert.That(run.Orders.Select(o => VendorRequests.Transactionale(suite.Vendors, o.Email).Count), Has.All.EqualTo(1));
    }

    [Test, Order(2)]
    public async Task Two_nodes_share_Engages_rate_limit()
    {
        var suite = Suite.Current;
        var run = await RunOnceAsync(suite);

        Assert.That(run.DrainRequests, Is.GreaterThan(EngageLimitPerSecond * 2), "the drain was long enough to test the limit");
        Assert.That(run.BusiestEngageSecond, Is.LessThanOrEqualTo(EngageLimitPerSecond), "Engage's limit holds for both nodes together");
    }

    /// <summary>
    /// Each delivery records the node that sent it (column <see cref="SentByNodeColumn"/>). Which node that is follows the
    /// vendor key's holder: one node at a time sends for a key, so a farm run may be sent by one node only.
    /// </summary>
    [Test, Order(3)]
    public async Task Every_delivery_of_the_farm_run_names_the_node_that_sent_it()
    {
        var suite = Suite.Current;
        var run = await RunOnceAsync(suite);
        Assert.That(await suite.Database.ColumnExistsAsync("OrderTouchpointDelivery", SentByNodeColumn), Is.True,
            $"each delivery records its sending node in {SentByNodeColumn}");

        var orderIds = run.Orders.Select(o => o.OrderId).ToHashSet();
        var rows = await suite.Database.QueryAsync(
            $"""select "OrderId", "{SentByNodeColumn}" as node from "OrderTouchpointDelivery" where "StatusId" = {(int)DeliveryStatus.Delivered}""");
        var nodes = rows.Where(r => orderIds.Contains(Convert.ToInt32(r["OrderId"]))).Select(r => r["node"] as string).ToList();
        Assert.That(nodes, Is.Not.Empty);
        Assert.That(nodes, Has.None.Null.And.None.Empty, "every delivered row names the node that sent it");
    }

    /// <summary>
    /// The key handed over: both nodes run, the node holding the vendor keys sends the first orders, then it is stopped as
    /// its host stops it (gracefully); the other node takes the keys and sends all the rest. The delivery log then names both
    /// nodes, and every order reached every vendor once.
    /// </summary>
    [Test, Order(4)]
    public async Task Both_nodes_send_when_the_key_holder_is_stopped_and_the_other_node_takes_the_key()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureConfiguredAsync();
        const int OrdersPerHolder = 3;
        var urls = new Dictionary<int, Uri> { [1] = suite.Environment.StoreUrl, [2] = new UriBuilder(suite.Environment.StoreUrl) { Port = suite.Environment.StoreUrl.Port + 1 }.Uri };
        await suite.Node.NopHostAsync("start", "--node", "2");
        var stopped = 0;
        try
        {
            var nodeNames = new Dictionary<int, string>();
            foreach (var node in urls.Keys)
                nodeNames[node] = NodeNameOf(await suite.Node.PidOfNodeAsync(node));

            var first = await PlaceDeliveredAsync(suite, urls[1], OrdersPerHolder, "handover-first");
            var firstSenders = await SendersAsync(suite, first);
            TestContext.Out.WriteLine($"first orders sent by {string.Join(", ", firstSenders)} (node 1 {nodeNames[1]}, node 2 {nodeNames[2]})");
            Assert.That(firstSenders, Is.SubsetOf(nodeNames.Values), "the first orders were sent by the farm's nodes");
            // Each vendor key has its own lease, so the keys may sit on different nodes: node 1 is stopped when it sent
            // anything, else node 2 (the one that held every key).
            var holder = firstSenders.Contains(nodeNames[1]) ? 1 : 2;
            var taker = holder == 1 ? 2 : 1;

            stopped = holder;
            await suite.Node.StopAsync(holder, await suite.Node.PidOfNodeAsync(holder));
            var rest = await PlaceDeliveredAsync(suite, urls[taker], OrdersPerHolder, "handover-rest");
            Assert.That(await SendersAsync(suite, rest), Is.EqualTo(new[] { nodeNames[taker] }), $"node {taker} took the keys and sent the rest");

            var all = first.Concat(rest).ToList();
            Assert.That(await SendersAsync(suite, all), Is.EquivalentTo(nodeNames.Values), "the delivery log names both nodes");
            Assert.That(all.Select(o => AcceptedEngagePosts(suite, o)), Has.All.EqualTo(1), "each order was posted to Engage once");
            Assert.That(all.Select(o => VendorRequests.VtMarketing(suite.Vendors, o.OrderNumber).Count), Has.All.EqualTo(1), "each order reached VTmarketing once");
            Assert.That(all.Select(o => VendorRequests.Transactionale(suite.Vendors, o.Email).Count), Has.All.EqualTo(1), "each order reached Transactionale once");
        }
        finally
        {
            if (stopped == 1)
            {
                await suite.Node.NopHostAsync("start");
                await suite.Node.WaitUntilServingAsync();
            }
            await suite.Node.NopHostAsync("stop", "--node", "2");
        }
    }

    /// <summary>The name a node's deliveries carry (the plugin's: machine name and process id).</summary>
    private static string NodeNameOf(int pid) => $"{System.Environment.MachineName}:{pid}";

    private static async Task<List<PlacedOrder>> PlaceDeliveredAsync(Suite suite, Uri node, int count, string label)
    {
        var orders = new List<PlacedOrder>();
        for (var i = 0; i < count; i++)
        {
            using var buyer = suite.NewSession(node);
            orders.Add(await suite.Checkout.PlaceOrderAsync(buyer, Buyers.Guest(label)));
        }
        Assert.That(await Eventually.TrueAsync(async () => await suite.Database.CountForOrdersAsync("OrderTouchpointDelivery", orders.Select(o => o.OrderId),
            """ "StatusId" <> 30""") == 0, TimeSpan.FromSeconds(90)), $"the {label} orders were delivered to every vendor");
        return orders;
    }

    private static async Task<List<string>> SendersAsync(Suite suite, IReadOnlyCollection<PlacedOrder> orders)
    {
        var ids = string.Join(", ", orders.Select(o => o.OrderId));
        var rows = await suite.Database.QueryAsync($"""select distinct "{SentByNodeColumn}" as node from "OrderTouchpointDelivery" where "OrderId" in ({ids})""");
        return rows.Select(r => r["node"] as string ?? "(none)").Order().ToList();
    }

    /// <summary>The column naming the node that sent a delivery (the engine's name for it; the one place to change).</summary>
    private const string SentByNodeColumn = "SentByNode";

    /// <summary>Engage's limit lowered, node 2 started, orders on both nodes while Engage is down, then the drain after it recovers.</summary>
    private static async Task<FarmRun> RunFarmAsync(Suite suite)
    {
        await StoreSetup.EnsureConfiguredAsync();
        var page = await suite.NewAdminPageAsync();
        try
        {
            var configure = new ConfigurePage(page);
            await configure.OpenAsync();
            await page.FillAsync("#Voyado_MaxRequestsPerSecond", EngageLimitPerSecond.ToString());
            await configure.SaveAsync();
        }
        finally
        {
            await Suite.CloseAsync(page);
        }

        await suite.Node.NopHostAsync("start", "--node", "2");
        var secondNode = new UriBuilder(suite.Environment.StoreUrl) { Port = suite.Environment.StoreUrl.Port + 1 }.Uri;
        var engageDown = true;
        suite.Vendors.Misbehave = (vendor, _) => vendor == TouchpointVendor.VoyadoEngage && Volatile.Read(ref engageDown)
            ? new FakeResponse(503, """{"error":"maintenance"}""")
            : null;
        try
        {
            var orders = new List<PlacedOrder>();
            for (var i = 0; i < OrdersPerNode; i++)
            {
                foreach (var node in new[] { suite.Environment.StoreUrl, secondNode })
                {
                    using var buyer = suite.NewSession(node);
                    orders.Add(await suite.Checkout.PlaceOrderAsync(buyer, Buyers.Guest("farm")));
                }
            }
            var recoveredAt = DateTimeOffset.UtcNow;
            Volatile.Write(ref engageDown, false);

            Assert.That(await Eventually.TrueAsync(() => orders.All(o => AcceptedEngagePosts(suite, o) > 0), TimeSpan.FromMinutes(4)),
                "every order reached Engage after the outage");
            await Task.Delay(TimeSpan.FromSeconds(3));

            var drain = suite.Vendors.Engage.Server.Requests.Where(r => r.ReceivedAt >= recoveredAt).Select(r => r.ReceivedAt).Order().ToArray();
            var busiest = BusiestSecond(drain);
            var report = $"METRIC e2e_farm_engage_busiest_second {busiest} requests\nMETRIC e2e_farm_engage_limit {EngageLimitPerSecond} requests/s\n";
            TestContext.Out.Write(report);
            await File.AppendAllTextAsync(suite.Environment.Artifact("metrics.txt"), report);
            return new FarmRun(orders, busiest, drain.Length);
        }
        finally
        {
            suite.Vendors.Misbehave = null;
            await suite.Node.NopHostAsync("stop", "--node", "2");
        }
    }

    private static int AcceptedEngagePosts(Suite suite, PlacedOrder order) =>
        suite.Vendors.Engage.Server.Answered.Count(a => a.Status is >= 200 and < 300 && a.Request.Path == "/api/v2/orders"
                                                        && VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber).Contains(a.Request));

    private static int BusiestSecond(DateTimeOffset[] arrivals)
    {
        var busiest = 0;
        for (int first = 0, last = 0; last < arrivals.Length; last++)
        {
            while (arrivals[last] - arrivals[first] >= TimeSpan.FromSeconds(1))
                first++;
            busiest = Math.Max(busiest, last - first + 1);
        }
        return busiest;
    }
}
