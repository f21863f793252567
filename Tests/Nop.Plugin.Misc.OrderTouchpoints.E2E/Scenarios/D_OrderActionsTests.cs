namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Scenarios;

/// <summary>
/// Scenario d: the admin, clicking in the browser, marks an order paid, ships it with a tracking number, delivers the
/// shipment and cancels the order; another order is paid and refunded over the same admin posts; a third is paid and
/// partially refunded in the admin's popup. Each action is one Engage order post with the mapped statuses, in the order
/// the actions happened.
/// </summary>
[TestFixture, Order(4), Category(Suite.MariaDbCategory)]
public sealed class D_OrderActionsTests : StoreScenario
{
    private const string TrackingNumber = "TRACK-E2E-1";
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Paid_shipped_delivered_cancelled_clicked_in_the_admin_reach_Engage_in_order()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureConfiguredAsync();
        var order = await PlaceAsync(suite, "actions");
        var browser = await suite.NewAdminPageAsync();
        try
        {
            var admin = new AdminOrderPage(browser);
            await StepAsync(suite, order, 1, () => Task.CompletedTask);
            await StepAsync(suite, order, 2, () => admin.MarkPaidAsync(order.OrderId));
            var shipmentId = await admin.AddShipmentAsync(order.OrderId, TrackingNumber, suite.Database);
            await StepAsync(suite, order, 3, () => admin.SetShippedAsync(shipmentId));
            await StepAsync(suite, order, 4, () => admin.SetDeliveredAsync(shipmentId));
            await StepAsync(suite, order, 5, () => admin.CancelAsync(order.OrderId));
        }
        finally
        {
            await Suite.CloseAsync(browser);
        }

        var posts = VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber).Select(r => r.Json).ToList();
        Assert.That(posts.Select(p => p.GetProperty("orderStatus").GetString()), Is.EqualTo(new[] { "Confirmed", "Confirmed", "Shipped", "Delivered", "Cancelled" }));
        Assert.That(posts.Select(p => p.GetProperty("paymentStatus").GetString()), Is.EqualTo(new[] { "Pending", "Paid", "Paid", "Paid", "Paid" }));
        Assert.That(posts[2].TryGetProperty("extraData", out var extra) ? extra.GetRawText() : "", Does.Contain(TrackingNumber),
            "the Shipped post carries the tracking number the admin typed");
        Assert.That(await suite.Database.ScalarAsync<string>("""select "TrackingNumber" from "Shipment" where "OrderId" = $1""", order.OrderId),
            Is.EqualTo(TrackingNumber));
    }

    [Test]
    public async Task Paid_then_partially_refunded_in_the_admin_popup_reaches_Engage_as_partially_refunded()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureConfiguredAsync();
        var order = await PlaceAsync(suite, "partial-refund");
        var browser = await suite.NewAdminPageAsync();
        try
        {
            var admin = new AdminOrderPage(browser);
            await StepAsync(suite, order, 1, () => Task.CompletedTask);
            await StepAsync(suite, order, 2, () => admin.MarkPaidAsync(order.OrderId));
            await StepAsync(suite, order, 3, () => admin.PartiallyRefundOfflineAsync(order.OrderId, 1.50m));
        }
        finally
        {
            await Suite.CloseAsync(browser);
        }

        Assert.That(await suite.Database.ScalarAsync<decimal>("""select "RefundedAmount" from "Order" where "Id" = $1""", order.OrderId), Is.EqualTo(1.50m),
            "nopCommerce recorded the partial refund");
        var posts = VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber).Select(r => r.Json).ToList();
        Assert.That(posts.Select(p => p.GetProperty("orderStatus").GetString()), Is.EqualTo(new[] { "Confirmed", "Confirmed", "Refunded" }));
        Assert.That(posts.Select(p => p.GetProperty("paymentStatus").GetString()), Is.EqualTo(new[] { "Pending", "Paid", "PartiallyRefunded" }));
    }

    [Test]
    public async Task Paid_then_refunded_reaches_Engage_as_refunded()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureConfiguredAsync();
        var order = await PlaceAsync(suite, "refund");
        var admin = new AdminOrders(suite.Admin);

        await StepAsync(suite, order, 1, () => Task.CompletedTask);
        await StepAsync(suite, order, 2, () => admin.MarkPaidAsync(order.OrderId));
        await StepAsync(suite, order, 3, () => admin.RefundOfflineAsync(order.OrderId));

        var posts = VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber).Select(r => r.Json).ToList();
        Assert.That(posts.Select(p => p.GetProperty("orderStatus").GetString()), Is.EqualTo(new[] { "Confirmed", "Confirmed", "Refunded" }));
        Assert.That(posts.Select(p => p.GetProperty("paymentStatus").GetString()), Is.EqualTo(new[] { "Pending", "Paid", "Refunded" }));
    }

    private static async Task<PlacedOrder> PlaceAsync(Suite suite, string label)
    {
        using var buyer = suite.NewSession();
        return await suite.Checkout.PlaceOrderAsync(buyer, Buyers.Guest(label));
    }

    /// <summary>One admin action, then its Engage post before the next action: the posts' order is the actions' order.</summary>
    private static async Task StepAsync(Suite suite, PlacedOrder order, int expectedPosts, Func<Task> action)
    {
        await action();
        var arrived = await Eventually.TrueAsync(() => VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber).Count >= expectedPosts, DeliveryWait);
        Assert.That(arrived, Is.True, $"Engage post {expectedPosts} of order {order.OrderNumber} arrived");
    }
}
