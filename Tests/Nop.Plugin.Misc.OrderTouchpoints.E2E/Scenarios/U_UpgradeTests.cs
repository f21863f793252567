using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Scenarios;

/// <summary>
/// Upgrade in place, as a store owner does it: the previous release (built by build/e2e.sh from its commit) is
/// installed and configured and takes orders, some of them left waiting by an Engage outage; then this build's zip is
/// uploaded over it and the store restarts. Settings and keys, the outbox rows and the waiting deliveries are all kept;
/// the waiting ones and new orders are delivered once Engage is back; nothing reaches a vendor twice. Both versions
/// are read from the plugin.json files, so the scenario holds whether or not this build's version is newer.
/// </summary>
[TestFixture, Order(27)]
public sealed class U_UpgradeTests : StoreScenario
{
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryWait = TimeSpan.FromMinutes(5);

    [Test]
    public async Task Uploading_this_build_over_the_previous_release_keeps_settings_rows_and_waiting_deliveries()
    {
        var suite = Suite.Current;
        var previousZip = System.Environment.GetEnvironmentVariable("E2E_PREVIOUS_PLUGIN_ZIP");
        if (previousZip is null || !File.Exists(previousZip))
            Assert.Ignore("build/e2e.sh built no previous release zip (E2E_PREVIOUS_PLUGIN_ZIP)");
        var previousVersion = PluginLifecycle.VersionIn(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(previousZip)!)!, "plugin.json"));
        var currentVersion = PluginLifecycle.VersionIn(Path.Combine(suite.Environment.RepositoryRoot, "plugin.json"));
        TestContext.Out.WriteLine($"upgrade {previousVersion} -> {currentVersion}");

        if (suite.Plugin.IsInstalled())
            await suite.Plugin.UninstallAsync(suite.Admin);
        Assert.That(await suite.Database.TableExistsAsync(OutboxTableMigration.TableName), Is.False,
            "the uninstall dropped the outbox, so the previous release starts from its own schema and the upgrade runs this build's updates");
        if (Directory.Exists(suite.Plugin.PluginFolder))
            Directory.Delete(suite.Plugin.PluginFolder, recursive: true);
        suite.ConfiguredForThisRun = false;
        await suite.Plugin.UploadAsync(suite.Admin, previousZip);
        await StoreSetup.EnsureConfiguredAsync();
        Assert.That(suite.Plugin.InstalledFilesVersion(), Is.EqualTo(previousVersion), "the previous release is installed");

        var delivered = await PlaceAsync(suite, "before-upgrade");
        Assert.That(await Eventually.TrueAsync(async () => await CountAsync(suite, delivered, DeliveryStatus.Delivered) == 3, DeliveryWait),
            "an order before the upgrade was delivered by the previous release");
        List<PlacedOrder> waiting;
        suite.Vendors.Misbehave = (vendor, _) => vendor == TouchpointVendor.VoyadoEngage ? new FakeResponse(503, """{"error":"maintenance"}""") : null;
        try
        {
            waiting = [await PlaceAsync(suite, "waiting-upgrade"), await PlaceAsync(suite, "waiting-upgrade")];
            foreach (var order in waiting)
                Assert.That(await Eventually.TrueAsync(async () => await CountAsync(suite, order, DeliveryStatus.Delivered) == 2
                                                                   && suite.Vendors.Engage.Server.Requests.Count > 0, DeliveryWait),
                    $"order {order.OrderNumber}: Transactionale and VTmarketing delivered, Engage waiting");

            var settingsBefore = await SettingsAsync(suite);
            var rowsBefore = await RowsAsync(suite, [delivered, .. waiting]);
            await suite.Plugin.UploadAsync(suite.Admin);

            Assert.That(suite.Plugin.InstalledFilesVersion(), Is.EqualTo(currentVersion), "this build's files replaced the previous release");
            Assert.That(suite.Plugin.IsInstalled(), Is.True, "the plugin stayed installed");
            Assert.That(await suite.Database.ColumnExistsAsync(OutboxTableMigration.TableName, nameof(OrderTouchpointDelivery.DeliveredState)), Is.True,
                "this build's update migrations ran");
            Assert.That(await SettingsAsync(suite), Is.SupersetOf(settingsBefore), "every setting and encrypted key kept its value");
            var rowsAfter = await RowsAsync(suite, [delivered, .. waiting]);
            Assert.That(rowsAfter.Keys, Is.SupersetOf(rowsBefore.Keys), "every outbox row is kept");
            Assert.That(rowsBefore.Where(r => r.Value == (int)DeliveryStatus.Delivered).Select(r => rowsAfter[r.Key]),
                Has.All.EqualTo((int)DeliveryStatus.Delivered), "delivered rows stay delivered");
            Assert.That(rowsBefore.Count(r => r.Value != (int)DeliveryStatus.Delivered), Is.EqualTo(waiting.Count), "one Engage delivery per order waited");
        }
        finally
        {
            suite.Vendors.Misbehave = null;
        }

        var after = await PlaceAsync(suite, "after-upgrade");
        foreach (var order in (PlacedOrder[])[delivered, .. waiting, after])
            Assert.That(await Eventually.TrueAsync(async () => await CountAsync(suite, order, DeliveryStatus.Delivered) == 3, RetryWait),
                $"order {order.OrderNumber} is delivered to every vendor after the upgrade");
        await Task.Delay(TimeSpan.FromSeconds(2)); // a repeat would follow right behind
        foreach (var order in (PlacedOrder[])[delivered, .. waiting, after])
        {
            Assert.That(VendorRequests.Transactionale(suite.Vendors, order.Email), Has.Count.EqualTo(1), $"order {order.OrderNumber}: Transactionale once");
            Assert.That(VendorRequests.VtMarketing(suite.Vendors, order.OrderNumber), Has.Count.EqualTo(1), $"order {order.OrderNumber}: VTmarketing once");
            Assert.That(suite.Vendors.Engage.Server.Answered.Count(a => a.Status is >= 200 and < 300
                                                                      && VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber).Contains(a.Request)),
                Is.EqualTo(1), $"order {order.OrderNumber}: Engage accepted it once");
        }
    }

    private static async Task<PlacedOrder> PlaceAsync(Suite suite, string label)
    {
        using var session = suite.NewSession();
        return await suite.Checkout.PlaceOrderAsync(session, Buyers.Guest(label));
    }

    private static async Task<long> CountAsync(Suite suite, PlacedOrder order, DeliveryStatus status) =>
        await suite.Database.ScalarAsync<long>("""select count(*) from "OrderTouchpointDelivery" where "OrderId" = $1 and "StatusId" = $2""",
            order.OrderId, (int)status);

    private static async Task<List<string>> SettingsAsync(Suite suite) =>
        (await suite.Database.QueryAsync("""select "Name", "Value", "StoreId" from "Setting" where "Name" like 'ordertouchpoints%'"""))
        .Select(r => $"{r["StoreId"]}:{r["Name"]}={r["Value"]}").ToList();

    /// <summary>Row id → status of the orders' outbox rows.</summary>
    private static async Task<Dictionary<int, int>> RowsAsync(Suite suite, IEnumerable<PlacedOrder> orders)
    {
        var ids = orders.Select(o => o.OrderId).ToHashSet();
        return (await suite.Database.QueryAsync("""select "Id", "OrderId", "StatusId" from "OrderTouchpointDelivery" """))
            .Where(r => ids.Contains(Convert.ToInt32(r["OrderId"])))
            .ToDictionary(r => Convert.ToInt32(r["Id"]), r => Convert.ToInt32(r["StatusId"]));
    }
}
