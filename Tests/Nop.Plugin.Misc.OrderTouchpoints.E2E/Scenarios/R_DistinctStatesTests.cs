using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Scenarios;

/// <summary>
/// No state twice: a post is built from the order as it is at send time, so a delayed "placed" post may already show
/// what a later event would post again. Engage fires its automations (the customer's mails) on every post, so it must
/// see each state of an order once, in the order the order went through them; the rows the plugin skipped say why.
/// Two ways the store gets there: Engage down while the owner pays and ships the order, and a card payment captured at
/// checkout (nopCommerce saves the order Paid and raises OrderPlacedEvent, then OrderPaidEvent, in the same request).
/// </summary>
[TestFixture, Order(14)]
public sealed class R_DistinctStatesTests : StoreScenario
{
    /// <summary>The order/payment statuses an order's Engage posts go through here, earliest first.</summary>
    private static readonly string[] Progression = ["Confirmed/Pending", "Confirmed/Paid", "Shipped/Paid"];

    private static readonly TimeSpan SettleWait = TimeSpan.FromMinutes(3);

    [Test]
    public async Task An_order_paid_and_shipped_while_Engage_is_down_reaches_Engage_with_each_state_once_in_order()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureConfiguredAsync();
        var engageDown = true;
        suite.Vendors.Misbehave = (vendor, _) => vendor == TouchpointVendor.VoyadoEngage && Volatile.Read(ref engageDown)
            ? new FakeResponse(503, """{"error":"maintenance"}""")
            : null;
        PlacedOrder order;
        try
        {
            using (var buyer = suite.NewSession())
                order = await suite.Checkout.PlaceOrderAsync(buyer, Buyers.Guest("outage-paid"));
            var browser = await suite.NewAdminPageAsync();
            try
            {
                var admin = new AdminOrderPage(browser);
                await admin.MarkPaidAsync(order.OrderId);
                var shipmentId = await admin.AddShipmentAsync(order.OrderId, "TRACK-E2E-OUTAGE", suite.Database);
                await admin.SetShippedAsync(shipmentId);
            }
            finally
            {
                await Suite.CloseAsync(browser);
            }
            Assert.That(await Eventually.TrueAsync(async () => (await EngageRowsAsync(suite, order)).Count == 3, TimeSpan.FromSeconds(60)),
                "the placed, paid and shipped deliveries are queued for Engage");
            Assert.That(AcceptedPostStates(suite, order), Is.Empty, "Engage accepted nothing while it was down");
        }
        finally
        {
            Volatile.Write(ref engageDown, false);
            suite.Vendors.Misbehave = null;
        }

        Assert.That(await Eventually.TrueAsync(async () => (await EngageRowsAsync(suite, order)).All(Finished), SettleWait),
            "every Engage delivery of the order is finished once Engage is back");
        var states = AcceptedPostStates(suite, order);
        var rows = await EngageRowsAsync(suite, order);
        TestContext.Out.WriteLine($"Engage accepted: {string.Join(" | ", states)}; rows: {string.Join(" | ", rows.Select(r => $"{r.Event} {r.Status} {r.Reason}"))}");

        Assert.That(states, Is.Not.Empty.And.Unique, "Engage got no state of the order twice");
        Assert.That(states.Select(s => Array.IndexOf(Progression, s)), Has.None.EqualTo(-1).And.Ordered.Ascending,
            "the states Engage got are the order's, in the order it went through them");
        Assert.That(states[^1], Is.EqualTo("Shipped/Paid"), "Engage ends with the order's state");
        var engagePosts = VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber);
        var refused = suite.Vendors.Engage.Server.Answered.Count(a => a.Status == 503 && engagePosts.Contains(a.Request));
        Assert.That(engagePosts.Count - refused, Is.EqualTo(states.Count), "every post Engage may have acted on is one it accepted: nothing else");

        Assert.That(rows.Select(r => r.Status), Has.None.EqualTo(DeliveryStatus.Failed));
        Assert.That(rows.Count(r => r.Status == DeliveryStatus.Delivered), Is.EqualTo(states.Count), "one delivered row per accepted post");
        var skipped = rows.Where(r => r.Status == DeliveryStatus.Skipped).ToList();
        Assert.That(skipped, Has.Count.EqualTo(3 - states.Count), "the rows not sent were skipped");
        Assert.That(skipped.Select(r => r.Reason), Has.All.Matches<string?>(reason => reason is not null
            && reason.StartsWith("Engage already has ", StringComparison.Ordinal) && reason.Contains(" for this order, from the ", StringComparison.Ordinal)),
            "each skipped row says which state Engage already has and from which post");
    }

    [Test]
    public async Task An_order_paid_by_card_at_checkout_reaches_Engage_in_one_post()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureConfiguredAsync();
        var cards = new CardPayments(suite.Admin);
        await cards.OfferWithCaptureAsync();
        PlacedOrder order;
        try
        {
            using var buyer = suite.NewSession();
            var customer = Buyers.Guest("card");
            order = await suite.Checkout.PlaceOrderAsync(buyer, customer,
                new OrderPlan([new CartLine(StorefrontCheckout.ProductPath, 1)], Card: new CardPayment($"{customer.FirstName} {customer.LastName}")));
        }
        finally
        {
            await cards.WithdrawAsync();
        }
        Assert.That(await suite.Database.ScalarAsync<int>("""select "PaymentStatusId" from "Order" where "Id" = $1""", order.OrderId), Is.EqualTo(30),
            "nopCommerce saved the card order Paid at checkout");

        Assert.That(await Eventually.TrueAsync(async () => await EngageRowsAsync(suite, order) is { Count: 2 } rows && rows.All(Finished), SettleWait),
            "the placed and paid deliveries for Engage are both finished");
        var rows = await EngageRowsAsync(suite, order);
        TestContext.Out.WriteLine($"rows: {string.Join(" | ", rows.Select(r => $"{r.Event} {r.Status} {r.Reason}"))}");

        Assert.That(VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber), Has.Count.EqualTo(1), "Engage got exactly one post for the order");
        Assert.That(AcceptedPostStates(suite, order), Is.EqualTo(new[] { "Confirmed/Paid" }), "the one post shows the order paid");
        var placed = rows.Single(r => r.Event == TouchpointEvent.OrderPlaced);
        var paid = rows.Single(r => r.Event == TouchpointEvent.OrderPaid);
        Assert.That(placed.Status, Is.EqualTo(DeliveryStatus.Delivered), "the placed post carried the paid state");
        Assert.That(paid.Status, Is.EqualTo(DeliveryStatus.Skipped));
        Assert.That(paid.Reason, Does.StartWith("Engage already has Confirmed/Paid for this order, from the placed post"), "the paid row says why it was not sent");
    }

    private sealed record EngageRow(TouchpointEvent Event, DeliveryStatus Status, string? Reason);

    private static bool Finished(EngageRow row) => row.Status is DeliveryStatus.Delivered or DeliveryStatus.Failed or DeliveryStatus.Skipped;

    private static async Task<List<EngageRow>> EngageRowsAsync(Suite suite, PlacedOrder order) =>
        (await suite.Database.QueryAsync("""
            select "EventId", "StatusId", "LastReason" from "OrderTouchpointDelivery" where "OrderId" = $1 and "VendorId" = $2 order by "Id"
            """, order.OrderId, (int)TouchpointVendor.VoyadoEngage))
        .Select(r => new EngageRow((TouchpointEvent)Convert.ToInt32(r["EventId"]), (DeliveryStatus)Convert.ToInt32(r["StatusId"]), r["LastReason"] as string))
        .ToList();

    /// <summary>"orderStatus/paymentStatus" of each order post Engage accepted (2xx) for the order, in arrival order.</summary>
    private static List<string> AcceptedPostStates(Suite suite, PlacedOrder order)
    {
        var posts = VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber);
        return suite.Vendors.Engage.Server.Answered
            .Where(a => a.Status is >= 200 and < 300 && posts.Contains(a.Request))
            .OrderBy(a => a.Request.ReceivedAt)
            .Select(a => $"{a.Request.Json.GetProperty("orderStatus").GetString()}/{a.Request.Json.GetProperty("paymentStatus").GetString()}")
            .ToList();
    }
}
