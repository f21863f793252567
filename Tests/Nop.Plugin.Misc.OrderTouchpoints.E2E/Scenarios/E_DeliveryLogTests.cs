using Microsoft.Playwright;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Scenarios;

/// <summary>
/// Scenario e: Transactionale refuses three orders (400); the owner finds them in the delivery log by filtering, fixes
/// the cause, resends one from the grid and another with "resend failed since a date"; both arrive, while the third,
/// which failed before that date, is left alone.
/// </summary>
[TestFixture, Order(5)]
public sealed class E_DeliveryLogTests : StoreScenario
{
    private const string RefusalReason = "email domain is blocked";

    [Test]
    public async Task Failed_deliveries_are_found_resent_one_by_one_and_since_a_date()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureConfiguredAsync();
        var refused = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        suite.Vendors.Misbehave = (vendor, request) =>
            vendor == TouchpointVendor.Transactionale && refused.Any(request.Body.Contains)
                ? new FakeResponse(400, $$"""{"error":"{{RefusalReason}}"}""")
                : null;
        try
        {
            var first = await PlaceRefusedAsync(suite, refused, "refused-one");
            var second = await PlaceRefusedAsync(suite, refused, "refused-two");
            var older = await PlaceRefusedAsync(suite, refused, "refused-older");
            var firstId = await FailedDeliveryAsync(suite, first);
            var secondId = await FailedDeliveryAsync(suite, second);
            var olderId = await FailedDeliveryAsync(suite, older);
            // A failure from three days ago: "resend failed since" yesterday must not touch it.
            await suite.Database.ExecuteAsync(
                """update "OrderTouchpointDelivery" set "FinishedOnUtc" = $2 where "Id" = $1""", olderId, DateTime.UtcNow.AddDays(-3));
            refused.Clear(); // the owner fixed the cause

            var page = await suite.NewAdminPageAsync();
            try
            {
                await page.GotoAsync("Admin/OrderTouchpointsDeliveryLog/List");
                var grid = new DataTablesGrid(page, "#order-touchpoints-deliveries-grid");
                await grid.LoadedAsync();
                await page.SelectOptionAsync("#SearchVendorId", ((int)TouchpointVendor.Transactionale).ToString());
                await page.SelectOptionAsync("#SearchStatusId", ((int)DeliveryStatus.Failed).ToString());
                await grid.ReloadedByAsync(() => page.ClickAsync("#search-deliveries"));
                var rows = await grid.RowTextsAsync();
                Assert.That(rows, Has.Some.Contains(first.OrderNumber).And.Some.Contains(second.OrderNumber));
                Assert.That(rows, Has.All.Contains("Transactionale"), "the filter keeps only Transactionale rows");
                var firstRow = await grid.Locator.Locator($"tbody tr:has(input[name='checkbox_deliveries'][value='{firstId}'])").InnerTextAsync();
                Assert.That(firstRow, Does.Contain(RefusalReason).And.Contain("400"), "the row says why");
                await suite.ScreenshotAsync(page, "delivery-log", grid.Locator);

                await grid.Locator.Locator($"input[name='checkbox_deliveries'][value='{firstId}']").CheckAsync();
                await page.ClickAsync("#resend-selected");
                Assert.That(await Eventually.TrueAsync(() => StatusAsync(suite, firstId, DeliveryStatus.Delivered), TimeSpan.FromSeconds(60)),
                    "the selected delivery was resent and delivered");
                Assert.That(await StatusAsync(suite, secondId, DeliveryStatus.Failed), Is.True, "only the selected row was resent");

                await page.GotoAsync("Admin/OrderTouchpointsDeliveryLog/List");
                await grid.LoadedAsync();
                await page.FillAsync("#ResendFailed_FailedSince", DateTime.Now.AddDays(-1).ToString("yyyy-MM-ddTHH:mm"));
                await page.SelectOptionAsync("#ResendFailed_VendorId", ((int)TouchpointVendor.Transactionale).ToString());
                await page.ClickAsync("#resend-failed");
                await page.Locator("#resend-failed-action-confirmation-submit-button").WaitForAsync(new() { State = WaitForSelectorState.Visible });
                await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#resend-failed-action-confirmation-submit-button"),
                    r => r.Request.Method == "POST" && r.Url.Contains("ResendFailed", StringComparison.OrdinalIgnoreCase));
                Assert.That(await Eventually.TrueAsync(() => StatusAsync(suite, secondId, DeliveryStatus.Delivered), TimeSpan.FromSeconds(60)),
                    "'resend failed since' resent the failure after the date");
            }
            finally
            {
                await Suite.CloseAsync(page);
            }
            Assert.That(await StatusAsync(suite, olderId, DeliveryStatus.Failed), Is.True, "the failure before the date was not resent");
            Assert.That(VendorRequests.Transactionale(suite.Vendors, older.Email), Has.Count.EqualTo(1), "the older failure was not sent again");
            Assert.That(VendorRequests.Transactionale(suite.Vendors, first.Email).Count(r => r.Body.Length > 0), Is.EqualTo(2), "refused once, accepted once");
        }
        finally
        {
            suite.Vendors.Misbehave = null;
        }
    }

    private static async Task<PlacedOrder> PlaceRefusedAsync(Suite suite, HashSet<string> refused, string label)
    {
        var buyer = Buyers.Guest(label);
        refused.Add(buyer.Email);
        using var session = suite.NewSession();
        return await suite.Checkout.PlaceOrderAsync(session, buyer);
    }

    private static async Task<int> FailedDeliveryAsync(Suite suite, PlacedOrder order)
    {
        const string query = """select "Id" from "OrderTouchpointDelivery" where "OrderId" = $1 and "VendorId" = $2 and "StatusId" = $3""";
        Assert.That(await Eventually.TrueAsync(async () => await suite.Database.ScalarAsync<int?>(query, order.OrderId, (int)TouchpointVendor.Transactionale, (int)DeliveryStatus.Failed) is not null,
            TimeSpan.FromSeconds(60)), $"order {order.OrderNumber}'s Transactionale delivery failed");
        return (await suite.Database.ScalarAsync<int?>(query, order.OrderId, (int)TouchpointVendor.Transactionale, (int)DeliveryStatus.Failed))!.Value;
    }

    private static async Task<bool> StatusAsync(Suite suite, int deliveryId, DeliveryStatus status) =>
        await suite.Database.ScalarAsync<int>("""select "StatusId" from "OrderTouchpointDelivery" where "Id" = $1""", deliveryId) == (int)status;
}
