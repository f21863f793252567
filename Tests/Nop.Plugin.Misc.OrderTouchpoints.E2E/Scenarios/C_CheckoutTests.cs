using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Scenarios;

/// <summary>
/// Scenario c: guest and registered orders, one of them clicked through the storefront, reach every vendor once and
/// as documented; the time from the order row's creation to each vendor receiving it is printed (p50/p99); a
/// registered customer's second order goes to the saved Engage contact without a lookup.
/// </summary>
[TestFixture, Order(3)]
public sealed class C_CheckoutTests : StoreScenario
{
    private const int HttpGuestOrders = 18;
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Guest_and_registered_orders_reach_every_vendor_once_as_documented()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureConfiguredAsync();
        var registered = Buyers.Guest("registered");
        using var customer = suite.NewSession();
        await suite.Checkout.RegisterAsync(customer, registered, "E2e-Passw0rd!");
        var firstRegistered = await suite.Checkout.PlaceOrderAsync(customer, registered);

        var orders = new List<PlacedOrder> { firstRegistered, await StorefrontBrowserCheckout.PlaceGuestOrderAsync(suite, Buyers.Guest("browser")) };
        for (var i = 0; i < HttpGuestOrders; i++)
        {
            using var guest = suite.NewSession();
            orders.Add(await suite.Checkout.PlaceOrderAsync(guest, Buyers.Guest("guest")));
        }

        Assert.That(await Eventually.TrueAsync(() => VendorRequests.EngageOrderPosts(suite.Vendors, firstRegistered.OrderNumber).Count > 0, DeliveryWait),
            "the registered customer's first order reached Engage");
        // nopCommerce refuses a customer's next order within OrderSettings.MinimumOrderPlacementInterval (1 minute in a new store).
        var wait = firstRegistered.ConfirmedAt + TimeSpan.FromSeconds(62) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait);
        orders.Add(await suite.Checkout.PlaceOrderAsync(customer, registered));

        var allArrived = await Eventually.TrueAsync(() => orders.All(o => ArrivedEverywhere(suite.Vendors, o)), DeliveryWait);
        Assert.That(VendorRequests.Transactionale(suite.Vendors, registered.Email), Has.Count.EqualTo(2), "one touchpoint per order of the registered customer");
        Assert.That(allArrived, Is.True, "every order reached all three vendors");
        await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate would arrive right behind the first request

        var latencies = new List<double>();
        foreach (var order in orders)
        {
            // Transactionale's body names no order: a customer's orders are told apart by arrival order.
            var sameCustomer = orders.Where(o => o.Email == order.Email).OrderBy(o => o.OrderId).ToList();
            var transactionale = VendorRequests.Transactionale(suite.Vendors, order.Email).OrderBy(r => r.ReceivedAt)
                .Skip(sameCustomer.IndexOf(order)).Take(sameCustomer.Count == 1 ? int.MaxValue : 1).ToList();
            var engage = VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber);
            var vtMarketing = VendorRequests.VtMarketing(suite.Vendors, order.OrderNumber);
            Assert.Multiple(() =>
            {
                Assert.That(transactionale, Has.Count.EqualTo(1), $"order {order.OrderNumber}: one Transactionale touchpoint");
                Assert.That(engage, Has.Count.EqualTo(1), $"order {order.OrderNumber}: one Engage order post");
                Assert.That(vtMarketing, Has.Count.EqualTo(1), $"order {order.OrderNumber}: one VTmarketing event");
            });
            var createdOnUtc = DateTime.SpecifyKind((DateTime)(await suite.Database.ScalarAsync<DateTime>(
                """select "CreatedOnUtc" from "Order" where "Id" = $1""", order.OrderId)), DateTimeKind.Utc);
            latencies.AddRange(new[] { transactionale[0], engage[0], vtMarketing[0] }.Select(r => (r.ReceivedAt - createdOnUtc).TotalMilliseconds));

            var touchpoint = transactionale[0].Json;
            Assert.That(touchpoint.GetProperty("country").GetString(), Is.EqualTo("IT"));
            Assert.That(touchpoint.GetProperty("first_name").GetString(), Is.EqualTo("Giulia"));
            var total = await suite.Database.ScalarAsync<decimal>("""select "OrderTotal" from "Order" where "Id" = $1""", order.OrderId);
            var generic = vtMarketing[0].Json.GetProperty("event").GetProperty("confirmation").GetProperty("generic");
            Assert.That(generic.GetProperty("total").GetDecimal(), Is.EqualTo(Math.Round(total, 2)));
        }
        Assert.Multiple(() =>
        {
            Assert.That(suite.Vendors.Violations(TouchpointVendor.Transactionale), Is.Empty);
            Assert.That(suite.Vendors.Violations(TouchpointVendor.VoyadoEngage), Is.Empty);
            Assert.That(suite.Vendors.Violations(TouchpointVendor.VtMarketing), Is.Empty);
        });

        Assert.That(VendorRequests.EngageLookups(suite.Vendors, registered.Email), Has.Count.EqualTo(1),
            "the registered customer's second order used the saved Engage contact id");
        var savedContactId = await suite.Database.ScalarAsync<string>("""
            select ga."Value" from "GenericAttribute" ga join "Customer" c on c."Id" = ga."EntityId"
            where ga."KeyGroup" = 'Customer' and ga."Key" = 'OrderTouchpoints.VoyadoContactId' and c."Email" = $1
            """, registered.Email);
        var secondPost = VendorRequests.EngageOrderPosts(suite.Vendors, orders[^1].OrderNumber).Single().Json;
        // Saved as "id|hash of the email it was found for".
        Assert.That(secondPost.GetProperty("contact").GetProperty("matchKey").GetString(), Is.EqualTo(savedContactId?.Split('|')[0]));

        var p50 = Percentiles.NearestRank(latencies, 0.50);
        var p99 = Percentiles.NearestRank(latencies, 0.99);
        var report = $"METRIC e2e_order_to_vendor_ms_p50 {p50:F0} ms\nMETRIC e2e_order_to_vendor_ms_p99 {p99:F0} ms\nMETRIC e2e_orders {orders.Count} orders\n";
        TestContext.Out.Write(report);
        await File.AppendAllTextAsync(suite.Environment.Artifact("metrics.txt"), report);
    }

    private static bool ArrivedEverywhere(VendorFarm vendors, PlacedOrder order) =>
        VendorRequests.Transactionale(vendors, order.Email).Count > 0
        && VendorRequests.EngageOrderPosts(vendors, order.OrderNumber).Count > 0
        && VendorRequests.VtMarketing(vendors, order.OrderNumber).Count > 0;
}
