using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Scenarios;

/// <summary>
/// The host stops the store (SIGTERM, as nophost's stop and a service manager send it) while Engage is holding an order
/// post far longer than the host waits. The host kills what is still running after its 30-second shutdown window, so
/// the plugin must be done before that: the cut send follows the unknown-outcome rule (it may have reached Engage, so it
/// fails with what to check rather than being sent again), every other result is written, and nothing is left in
/// progress for another node to guess about. The store is started again afterwards for the scenarios after this one.
/// </summary>
[TestFixture, Order(15)]
public sealed class S_GracefulStopTests : StoreScenario
{
    private static readonly TimeSpan HostShutdownWindow = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan EngageHoldsThePost = TimeSpan.FromSeconds(60);

    [Test]
    public async Task A_stop_during_a_slow_Engage_post_ends_within_the_shutdown_window_and_leaves_no_row_in_progress()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureConfiguredAsync();
        var buyer = Buyers.Guest("stopped");
        // Only this scenario's order is being sent (Engage's order post carries a contact id, not the email).
        suite.Vendors.Misbehave = (vendor, request) =>
            vendor == TouchpointVendor.VoyadoEngage && request.Path == "/api/v2/orders"
                ? new FakeResponse(200, "{}", Delay: EngageHoldsThePost)
                : null;
        PlacedOrder order;
        TimeSpan exitedAfter;
        try
        {
            using (var session = suite.NewSession())
                order = await suite.Checkout.PlaceOrderAsync(session, buyer);
            Assert.That(await Eventually.TrueAsync(() => VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber).Count == 1, TimeSpan.FromSeconds(60)),
                "the order post is on its way to Engage");
            Assert.That(await Eventually.TrueAsync(async () => await OtherVendorsDeliveredAsync(suite, order) == 2, TimeSpan.FromSeconds(30)),
                "Transactionale and VTmarketing recorded their deliveries before the stop");
            exitedAfter = await suite.Node.StopAsync(1, int.Parse(suite.Node.CurrentPid()!));
            var report = $"METRIC e2e_stop_exit_s {exitedAfter.TotalSeconds:F1} s\n";
            TestContext.Out.Write(report);
            await File.AppendAllTextAsync(suite.Environment.Artifact("metrics.txt"), report);

            // Read while no node runs: what the stopped process wrote is all there is.
            Assert.That(await suite.Database.ScalarAsync<long>("""select count(*) from "OrderTouchpointDelivery" where "StatusId" = 20"""), Is.Zero,
                "no delivery is left in progress once the process is gone");
            var engage = (await suite.Database.QueryAsync("""
                select "StatusId", "LastReason" from "OrderTouchpointDelivery" where "OrderId" = $1 and "VendorId" = $2 and "EventId" = 1
                """, order.OrderId, (int)TouchpointVendor.VoyadoEngage)).Single();
            Assert.That(Convert.ToInt32(engage["StatusId"]), Is.EqualTo((int)DeliveryStatus.Failed), "the cut post failed: Engage may have it");
            Assert.That(engage["LastReason"] as string, Does.StartWith("Sent, ").And.Contain("so it is not sent again automatically")
                .And.Contain($"order id {order.OrderId} ("), "the reason is the unknown-outcome one, naming what to check");
            Assert.That(await OtherVendorsDeliveredAsync(suite, order), Is.EqualTo(2), "the other vendors' results stay written");
        }
        finally
        {
            suite.Vendors.Misbehave = null;
            await suite.Node.NopHostAsync("start");
            await suite.Node.WaitUntilServingAsync();
        }
        Assert.That(exitedAfter, Is.LessThanOrEqualTo(HostShutdownWindow), "the process was gone within the host's shutdown window after the signal");

        // Started again, the store does not send the cut post a second time.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.That(VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber), Has.Count.EqualTo(1), "Engage got the order post once");
    }

    private static Task<long> OtherVendorsDeliveredAsync(Suite suite, PlacedOrder order) =>
        suite.Database.CountForOrdersAsync("OrderTouchpointDelivery", [order.OrderId], """ "VendorId" <> 2 and "StatusId" = 30""");
}
