using System.Diagnostics;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Scenarios;

/// <summary>
/// The store's process is killed (SIGKILL) while Engage is answering an order post. Engage emails the customer and
/// cannot tell a repeated post, so after the restart the delivery is not sent again: it fails with the plugin's one
/// unknown-outcome reason (the same as after a lost answer: what happened, what to check in Engage for which order
/// id, resend only if missing); the order's other deliveries, recorded before the kill, are complete and not resent.
/// The send lease is short and renewed while the send runs, so the delivery is settled within a minute of the kill.
/// </summary>
[TestFixture, Order(10)]
public sealed class N_NodeKillTests : StoreScenario
{
    private static readonly TimeSpan SettledWithin = TimeSpan.FromSeconds(60);

    [Test]
    public async Task A_node_killed_mid_send_never_posts_the_order_to_Engage_twice()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureConfiguredAsync();
        var buyer = Buyers.Guest("killed");
        // Only this scenario's order is being sent: Engage answers its order post 20 s late, long enough to kill the sender.
        suite.Vendors.Misbehave = (vendor, request) =>
            vendor == TouchpointVendor.VoyadoEngage && request.Path == "/api/v2/orders"
                ? new FakeResponse(200, "{}", Delay: TimeSpan.FromSeconds(20))
                : null;
        PlacedOrder order;
        DateTime killedAtUtc;
        try
        {
            using var session = suite.NewSession();
            order = await suite.Checkout.PlaceOrderAsync(session, buyer);
            Assert.That(await Eventually.TrueAsync(() => VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber).Count == 1, TimeSpan.FromSeconds(60)),
                "the order post is on its way to Engage");
            // Only Engage's delivery may be in flight at the kill: one still unrecorded would be failed the same way.
            Assert.That(await Eventually.TrueAsync(async () => await suite.Database.ScalarAsync<long>(OtherVendorsDelivered, order.OrderId) == 2, TimeSpan.FromSeconds(30)),
                "Transactionale and VTmarketing recorded their deliveries before the kill");
            var pid = int.Parse(suite.Node.CurrentPid()!);
            killedAtUtc = DateTime.UtcNow;
            await suite.Node.RestartThroughAsync(() =>
            {
                Process.GetProcessById(pid).Kill(); // SIGKILL: no shutdown, no result recorded
                return Task.CompletedTask;
            });
            TestContext.Out.WriteLine($"METRIC e2e_killed_node_restart_s {(DateTime.UtcNow - killedAtUtc).TotalSeconds:F0} s");
        }
        finally
        {
            suite.Vendors.Misbehave = null;
        }

        const string engageRow = """
            select "StatusId", "LastReason", "FinishedOnUtc" from "OrderTouchpointDelivery" where "OrderId" = $1 and "VendorId" = 2
            """;
        // The bound is measured from the kill, not from the restart finishing: the row's own finish time against the kill.
        // The wait ends a little after the bound (the restart itself may be slow on a busy machine, the row's time is what counts).
        var waitUntil = killedAtUtc + SettledWithin + TimeSpan.FromSeconds(15) - DateTime.UtcNow;
        Assert.That(await Eventually.TrueAsync(async () => (int)(await suite.Database.QueryAsync(engageRow, order.OrderId))[0]["StatusId"]! == (int)DeliveryStatus.Failed,
            waitUntil > TimeSpan.Zero ? waitUntil : TimeSpan.Zero), $"the unanswered delivery is settled within {SettledWithin.TotalSeconds:F0} s of the kill");
        var row = (await suite.Database.QueryAsync(engageRow, order.OrderId))[0];
        var settledAfterKill = (DateTime)row["FinishedOnUtc"]! - killedAtUtc;
        TestContext.Out.WriteLine($"METRIC e2e_killed_delivery_settled_s {settledAfterKill.TotalSeconds:F0} s");
        await File.AppendAllTextAsync(suite.Environment.Artifact("metrics.txt"), $"METRIC e2e_killed_delivery_settled_s {settledAfterKill.TotalSeconds:F0} s\n");
        Assert.That(settledAfterKill, Is.LessThanOrEqualTo(SettledWithin), "the unanswered delivery was settled within a minute of the kill");
        Assert.That((string?)row["LastReason"], Does.StartWith("Sent, no answer recorded: the process sending it stopped mid-delivery. Voyado Engage may have it")
            .And.Contain($"Check in Voyado Engage whether the message for order id {order.OrderId} (")
            .And.EndWith("then resend it from the delivery log only if it is missing."), "the reason tells the owner what to check before resending");
        Assert.That((string?)row["LastReason"], Does.Not.Contain(order.Email), "no email address in the reason");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.That(VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber), Has.Count.EqualTo(1), "Engage got the order once");
        Assert.That(VendorRequests.Transactionale(suite.Vendors, order.Email), Has.Count.EqualTo(1), "Transactionale got it once");
        Assert.That(VendorRequests.VtMarketing(suite.Vendors, order.OrderNumber), Has.Count.EqualTo(1), "VTmarketing got it once");
        Assert.That(await suite.Database.ScalarAsync<long>(OtherVendorsDelivered, order.OrderId), Is.EqualTo(2), "the other vendors' deliveries are complete");
    }

    private const string OtherVendorsDelivered =
        """select count(*) from "OrderTouchpointDelivery" where "OrderId" = $1 and "VendorId" in (1, 3) and "StatusId" = 30""";
}
