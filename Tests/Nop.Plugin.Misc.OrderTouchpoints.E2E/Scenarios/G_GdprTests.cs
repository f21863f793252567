namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Scenarios;

/// <summary>
/// Scenario g: the admin permanently deletes (GDPR) a customer whose Engage contact id the plugin saved; the id is gone
/// and no later delivery of that customer's orders can leave the shop.
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

    /// <summary>GDPR is off in a new store; the admin's GDPR settings page turns it on (store set-up, not the plugin).</summary>
    private static async Task EnableGdprAsync(NopHttpSession admin)
    {
        await admin.GetPageAsync("Admin/Setting/Gdpr");
        var response = await admin.PostFormAsync("Admin/Setting/Gdpr", [new("GdprEnabled", "true"), new("save", "")]);
        Assert.That((int)response.StatusCode, Is.EqualTo(302), "GDPR settings saved");
    }
}
