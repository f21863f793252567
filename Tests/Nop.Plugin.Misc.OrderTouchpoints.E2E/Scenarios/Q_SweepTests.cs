using System.Globalization;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Scenarios;

/// <summary>
/// The delivery sweep in the store (System → Schedule tasks → Run now): reconciliation queues the placed-order
/// delivery of an order whose event was missed once the order is past the grace period, and retention purges finished
/// rows older than the retention days while younger ones stay. Time is moved by backdating rows in the store's
/// database, never by waiting: the order's creation (past the plugin's 10-minute grace) and the vendor's "enabled on"
/// setting (reconciliation never reaches back before it), then one restart because settings are cached.
/// </summary>
[TestFixture, Order(13)]
public sealed class Q_SweepTests : StoreScenario
{
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Reconciliation_queues_a_missed_order_and_retention_purges_old_rows()
    {
        var suite = Suite.Current;
        var db = suite.Database;
        await StoreSetup.EnsureConfiguredAsync();
        var old = await PlaceDeliveredAsync(suite, "retention-old");
        var missed = await PlaceDeliveredAsync(suite, "reconciled");
        var young = await PlaceDeliveredAsync(suite, "retention-young");

        // Retention: the first order's rows finished 400 days ago (beyond any retention the page accepts here).
        await db.ExecuteAsync("""update "OrderTouchpointDelivery" set "FinishedOnUtc" = $2 where "OrderId" = $1""", old.OrderId, DateTime.UtcNow.AddDays(-400));
        // Reconciliation: the second order's VTmarketing row was never written (as after a crash between the order and
        // the outbox write); the order was placed 15 minutes ago; VTmarketing has been on for two hours.
        await db.ExecuteAsync("""delete from "OrderTouchpointDelivery" where "OrderId" = $1 and "VendorId" = $2""", missed.OrderId, (int)TouchpointVendor.VtMarketing);
        await db.ExecuteAsync("""update "Order" set "CreatedOnUtc" = $2 where "Id" = $1""", missed.OrderId, DateTime.UtcNow.AddMinutes(-15));
        await db.ExecuteAsync("""update "Setting" set "Value" = $1 where "Name" = 'ordertouchpointsvtmarketingsettings.enabledonutc'""",
            DateTime.UtcNow.AddHours(-2).ToString(CultureInfo.InvariantCulture));
        var eventsBefore = VendorRequests.VtMarketing(suite.Vendors, missed.OrderNumber).Count;
        await suite.Plugin.RestartAsync(suite.Admin);

        var taskId = await db.ScalarAsync<int>("""select "Id" from "ScheduleTask" where "Type" like 'Nop.Plugin.Misc.OrderTouchpoints.%'""");
        var run = await suite.Admin.GetAsync($"Admin/ScheduleTask/RunNow/{taskId}");
        Assert.That((int)run.StatusCode, Is.EqualTo(302), "the sweep ran");

        Assert.That(await Eventually.TrueAsync(() => VendorRequests.VtMarketing(suite.Vendors, missed.OrderNumber).Count > eventsBefore, DeliveryWait),
            "reconciliation queued the missed order and VTmarketing received it");
        Assert.That(await db.ScalarAsync<long>(RowsOf, missed.OrderId, (int)TouchpointVendor.VtMarketing), Is.EqualTo(1), "one placed-order row again");
        Assert.That(await db.ScalarAsync<long>(AllRowsOf, old.OrderId), Is.Zero, "rows finished beyond the retention are purged");
        Assert.That(await db.ScalarAsync<long>(AllRowsOf, young.OrderId), Is.EqualTo(3), "rows within the retention stay");
    }

    private const string RowsOf = """select count(*) from "OrderTouchpointDelivery" where "OrderId" = $1 and "VendorId" = $2""";
    private const string AllRowsOf = """select count(*) from "OrderTouchpointDelivery" where "OrderId" = $1""";

    private static async Task<PlacedOrder> PlaceDeliveredAsync(Suite suite, string label)
    {
        using var session = suite.NewSession();
        var order = await suite.Checkout.PlaceOrderAsync(session, Buyers.Guest(label));
        Assert.That(await Eventually.TrueAsync(async () => await suite.Database.ScalarAsync<long>(
                """select count(*) from "OrderTouchpointDelivery" where "OrderId" = $1 and "StatusId" = 30""", order.OrderId) == 3, DeliveryWait),
            $"order {order.OrderNumber} was delivered to the three vendors");
        return order;
    }
}
