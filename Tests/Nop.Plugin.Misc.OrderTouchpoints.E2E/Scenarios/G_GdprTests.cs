using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Scenarios;

/// <summary>
/// Scenario g: the admin permanently deletes (GDPR) a customer whose Engage contact id the plugin saved; the id is gone
/// and no later delivery of that customer's orders can leave the shop. The order keeps its billing address (and so the
/// email) after the erase, so nothing may be sent for it afterwards: not for the owner's later actions on the order,
/// not for "Resend" in the delivery log, not as an Engage contact lookup by that email.
/// </summary>
[TestFixture, Order(7)]
public sealed class G_GdprTests : StoreScenario
{
    private const string ContactIdQuery = """
        select count(*) from "GenericAttribute"
        where "KeyGroup" = 'Customer' and "Key" = 'OrderTouchpoints.VoyadoContactId' and "EntityId" = $1
        """;

    [Test]
    public async Task Permanently_deleting_a_customer_removes_the_saved_contact_id()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureConfiguredAsync();
        var buyer = Buyers.Guest("gdpr");
        using (var customer = suite.NewSession())
        {
            await suite.Checkout.RegisterAsync(customer, buyer, "E2e-Passw0rd!");
            await suite.Checkout.PlaceOrderAsync(customer, buyer);
        }
        var customerId = await suite.Database.ScalarAsync<int>("""select "Id" from "Customer" where "Email" = $1""", buyer.Email);
        Assert.That(await Eventually.TrueAsync(async () => await suite.Database.ScalarAsync<long>(ContactIdQuery, customerId) == 1, TimeSpan.FromSeconds(60)),
            "the Engage contact id was saved on the customer");

        await EnableGdprAsync(suite.Admin);
        // This store's fork answers 500 on the customer edit page (its ERP fields call an unreachable NetSuite), so the
        // erase is posted as that page's "GDPR - delete" button posts it, with a token from the customer list.
        await suite.Admin.GetPageAsync("Admin/Customer/List");
        var erase = await suite.Admin.PostFormAsync("Admin/Customer/GdprDelete", [new("id", customerId.ToString())]);
        Assert.That((int)erase.StatusCode, Is.EqualTo(302));

        Assert.That(await suite.Database.ScalarAsync<string>("""select "Email" from "Customer" where "Id" = $1""", customerId), Is.Not.EqualTo(buyer.Email),
            "nopCommerce erased the customer");
        Assert.That(await suite.Database.ScalarAsync<long>(ContactIdQuery, customerId), Is.Zero, "the plugin forgot the Engage contact id");
        Assert.That(await suite.Database.ScalarAsync<long>("""
            select count(*) from "OrderTouchpointDelivery" d join "Order" o on o."Id" = d."OrderId"
            where o."CustomerId" = $1 and d."StatusId" in (10, 15, 20)
            """, customerId), Is.Zero, "nothing of the customer is still waiting to be sent");
    }

    [Test]
    public async Task After_an_erase_cancelling_refunding_and_resending_the_order_sends_nothing_to_any_vendor()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureConfiguredAsync();
        var buyer = Buyers.Guest("erased");
        PlacedOrder order;
        using (var customer = suite.NewSession())
        {
            await suite.Checkout.RegisterAsync(customer, buyer, "E2e-Passw0rd!");
            order = await suite.Checkout.PlaceOrderAsync(customer, buyer);
        }
        await new AdminOrders(suite.Admin).MarkPaidAsync(order.OrderId);
        Assert.That(await Eventually.TrueAsync(async () => VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber).Count == 2
            && await suite.Database.CountForOrdersAsync("OrderTouchpointDelivery", [order.OrderId], """ "StatusId" <> 30""") == 0, TimeSpan.FromSeconds(90)),
            "the order's deliveries, its paid post to Engage included, were all delivered before the erase");
        var deliveredBefore = await DeliveredRowsAsync(suite, order);
        var customerId = await suite.Database.ScalarAsync<int>("""select "Id" from "Customer" where "Email" = $1""", buyer.Email);
        var sentBefore = SentAbout(suite.Vendors, order);

        await EnableGdprAsync(suite.Admin);
        await suite.Admin.GetPageAsync("Admin/Customer/List");
        var erase = await suite.Admin.PostFormAsync("Admin/Customer/GdprDelete", [new("id", customerId.ToString())]);
        Assert.That((int)erase.StatusCode, Is.EqualTo(302), "nopCommerce's GDPR delete was accepted");
        Assert.That(await suite.Database.ScalarAsync<string>("""select "Email" from "Customer" where "Id" = $1""", customerId), Is.Not.EqualTo(buyer.Email),
            "nopCommerce erased the customer");

        var page = await suite.NewAdminPageAsync();
        try
        {
            await new AdminOrderPage(page).CancelAsync(order.OrderId);
            await new AdminOrders(suite.Admin).RefundOfflineAsync(order.OrderId);
            Assert.That(await suite.Database.ScalarAsync<int>("""select "PaymentStatusId" from "Order" where "Id" = $1""", order.OrderId), Is.EqualTo(40),
                "nopCommerce refunded the cancelled order");

            await page.GotoAsync("Admin/OrderTouchpointsDeliveryLog/List");
            var grid = new DataTablesGrid(page, "#order-touchpoints-deliveries-grid");
            await grid.LoadedAsync();
            await page.FillAsync("#SearchOrderNumber", order.OrderNumber);
            await grid.ReloadedByAsync(() => page.ClickAsync("#search-deliveries"));
            var deliveredIds = await suite.Database.QueryAsync(
                """select "Id" from "OrderTouchpointDelivery" where "OrderId" = $1 and "StatusId" = $2""", order.OrderId, (int)DeliveryStatus.Delivered);
            foreach (var id in deliveredIds.Select(r => Convert.ToInt32(r["Id"])))
                await grid.Locator.Locator($"input[name='checkbox_deliveries'][value='{id}']").CheckAsync();
            var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#resend-selected"),
                r => r.Request.Method == "POST" && r.Url.Contains("ResendSelected", StringComparison.OrdinalIgnoreCase));
            var resend = await answer.JsonAsync();
            Assert.That(resend?.GetProperty("Count").GetInt32(), Is.Zero, "Resend sent nothing");
            Assert.That(resend?.GetProperty("Refused").GetInt32(), Is.EqualTo(deliveredIds.Count), "Resend refused every selected delivery");
            await page.GetByText("their customer was erased (GDPR)").First.WaitForAsync();
        }
        finally
        {
            await Suite.CloseAsync(page);
        }

        const string afterErase = """
            select "EventId", "StatusId", "LastReason" from "OrderTouchpointDelivery" where "OrderId" = $1 and "EventId" in (5, 6) order by "Id"
            """;
        Assert.That(await Eventually.TrueAsync(async () => await suite.Database.QueryAsync(afterErase, order.OrderId) is { Count: > 0 } rows
            && rows.All(r => Convert.ToInt32(r["StatusId"]) is not ((int)DeliveryStatus.Pending or (int)DeliveryStatus.InProgress)), TimeSpan.FromSeconds(60)),
            "the cancel and refund were recorded and settled");
        var later = await suite.Database.QueryAsync(afterErase, order.OrderId);
        Assert.That(later.Select(r => Convert.ToInt32(r["StatusId"])), Has.All.EqualTo((int)DeliveryStatus.Skipped), "nothing after the erase was sent");
        Assert.That(later.Select(r => r["LastReason"] as string), Has.All.StartWith("The customer was erased (GDPR)"), "the rows say why");
        Assert.That(await DeliveredRowsAsync(suite, order), Is.EqualTo(deliveredBefore), "the resent rows were left as they were");
        // Anything still on its way would have had well over its attempt's time by now.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.That(SentAbout(suite.Vendors, order), Is.EqualTo(sentBefore), "no vendor received anything for the order or the email after the erase");
    }

    private static Task<long> DeliveredRowsAsync(Suite suite, PlacedOrder order) =>
        suite.Database.ScalarAsync<long>("""select count(*) from "OrderTouchpointDelivery" where "OrderId" = $1 and "StatusId" = 30""", order.OrderId);

    /// <summary>Requests each vendor received that name the order or its email, Engage's contact lookups by that email apart.</summary>
    private static Dictionary<string, int> SentAbout(VendorFarm vendors, PlacedOrder order)
    {
        bool Mentions(RecordedRequest r) => r.Body.Contains(order.Email, StringComparison.OrdinalIgnoreCase)
                                            || Uri.UnescapeDataString(r.Query).Contains(order.Email, StringComparison.OrdinalIgnoreCase);
        return new Dictionary<string, int>
        {
            ["Transactionale"] = vendors.Transactionale.Requests.Count(Mentions),
            ["Engage order posts"] = VendorRequests.EngageOrderPosts(vendors, order.OrderNumber).Count,
            ["Engage lookups by the email"] = VendorRequests.EngageLookups(vendors, order.Email).Count,
            ["Engage, any request naming the email"] = vendors.Engage.Requests.Count(Mentions),
            ["VTmarketing"] = VendorRequests.VtMarketing(vendors, order.OrderNumber).Count + vendors.VtMarketing.Requests.Count(Mentions)
        };
    }

    /// <summary>GDPR is off in a new store; the admin's GDPR settings page turns it on (store set-up, not the plugin).</summary>
    private static async Task EnableGdprAsync(NopHttpSession admin)
    {
        await admin.GetPageAsync("Admin/Setting/Gdpr");
        var response = await admin.PostFormAsync("Admin/Setting/Gdpr", [new("GdprEnabled", "true"), new("save", "")]);
        Assert.That((int)response.StatusCode, Is.EqualTo(302), "GDPR settings saved");
    }
}
