namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Scenarios;

/// <summary>
/// Scenario h: uninstalling in the admin removes the table, settings, texts and task; the store keeps taking
/// orders; installing again works.
/// </summary>
[TestFixture, Order(30), Category(Suite.MariaDbCategory)]
public sealed class H_UninstallTests : StoreScenario
{
    [Test]
    public async Task Uninstall_removes_everything_the_store_keeps_working_and_install_works_again()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureInstalledAsync();
        var page = await suite.NewAdminPageAsync();
        try
        {
            page = await suite.Plugin.UninstallInBrowserAsync(page);
        }
        finally
        {
            await Suite.CloseAsync(page);
        }
        suite.ConfiguredForThisRun = false;

        var db = suite.Database;
        Assert.Multiple(async () =>
        {
            Assert.That(suite.Plugin.IsInstalled(), Is.False);
            Assert.That(await db.TableExistsAsync("OrderTouchpointDelivery"), Is.False, "the outbox table is dropped");
            Assert.That(await db.TableExistsAsync("OrderTouchpointVendorLease"), Is.False, "the lease table is dropped");
            Assert.That(await db.ScalarAsync<long>("""select count(*) from "Setting" where "Name" like 'ordertouchpoints%'"""), Is.Zero, "settings are deleted");
            Assert.That(await db.ScalarAsync<long>("""select count(*) from "LocaleStringResource" where "ResourceName" like 'plugins.misc.ordertouchpoints.%'"""), Is.Zero, "texts are deleted");
            Assert.That(await db.ScalarAsync<long>("""select count(*) from "ScheduleTask" where "Type" like 'Nop.Plugin.Misc.OrderTouchpoints.%'"""), Is.Zero, "the task is deleted");
            Assert.That(await db.ScalarAsync<long>("""select count(*) from "GenericAttribute" where "Key" = 'OrderTouchpoints.VoyadoContactId'"""), Is.Zero, "saved contact ids are deleted");
        });

        using var buyer = suite.NewSession();
        var order = await suite.Checkout.PlaceOrderAsync(buyer, Buyers.Guest("after-uninstall"));
        Assert.That(order.OrderId, Is.Positive, "checkout works without the plugin");

        await suite.Plugin.EnsureInstalledAsync(suite.Admin);
        Assert.That(await db.TableExistsAsync("OrderTouchpointDelivery"), Is.True, "installing again creates the table again");
        await StoreSetup.EnsureConfiguredAsync();
        using var again = suite.NewSession();
        var afterReinstall = await suite.Checkout.PlaceOrderAsync(again, Buyers.Guest("reinstalled"));
        Assert.That(await Eventually.TrueAsync(() => VendorRequests.Transactionale(suite.Vendors, afterReinstall.Email).Count == 1, TimeSpan.FromSeconds(60)),
            "orders are sent again after reinstalling");
    }
}
