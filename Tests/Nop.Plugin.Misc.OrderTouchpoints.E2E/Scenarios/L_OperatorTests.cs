using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Playwright;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Scenarios;

/// <summary>
/// The operator's view in the browser: the delivery log's health chart counts a scripted run; a failing vendor
/// queues one alert email and, once fixed and resent, one "back to normal" email; Test connection keeps an unsaved edit;
/// the pages work with the admin in Italian.
/// </summary>
[TestFixture, Order(8)]
public sealed class L_OperatorTests : StoreScenario
{
    private const string VendorKey = "vtmarketing";

    [Test]
    public async Task Health_chart_counts_a_scripted_run_and_a_failing_vendor_alerts_once_and_recovers_once()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureConfiguredAsync();
        var page = await suite.NewAdminPageAsync();
        var refused = new HashSet<string>();
        suite.Vendors.Misbehave = (vendor, request) =>
            vendor == TouchpointVendor.VtMarketing && refused.Any(request.Body.Contains)
                ? new FakeResponse(400, """{"errors":[{"message":"Invalid user","description":"email rejected"}]}""")
                : null;
        try
        {
            var (deliveredBefore, failedBefore) = await HealthCountsAsync(page);
            var startedUtc = DateTime.UtcNow;
            var orders = new List<PlacedOrder>();
            for (var i = 0; i < 3; i++)
            {
                var buyer = Buyers.Guest("health");
                if (i == 0)
                    refused.Add(buyer.Email);
                using var session = suite.NewSession();
                orders.Add(await suite.Checkout.PlaceOrderAsync(session, buyer));
            }
            Assert.That(await Eventually.TrueAsync(async () => await FinishedAsync(suite, orders) == 3, TimeSpan.FromSeconds(60)),
                "the three VTmarketing deliveries finished");

            var (delivered, failed) = await HealthCountsAsync(page);
            Assert.That((delivered - deliveredBefore, failed - failedBefore), Is.EqualTo((2, 1)), "the health view counts 2 delivered and 1 failed");
            var chart = JsonDocument.Parse(await page.Locator($"#ot-health-chart-{VendorKey}").GetAttributeAsync("data-ot-health-chart") ?? "{}").RootElement;
            Assert.That(chart.GetProperty("delivered").EnumerateArray().Sum(v => v.GetInt32()), Is.EqualTo(delivered), "the chart draws the delivered total");
            Assert.That(chart.GetProperty("failed").EnumerateArray().Sum(v => v.GetInt32()), Is.EqualTo(failed), "the chart draws the failed total");
            Assert.That(chart.GetProperty("labels").GetArrayLength(), Is.EqualTo(24), "one bar per hour of the last 24 hours");
            Assert.That(await page.EvaluateAsync<bool>($"() => Chart.getChart('ot-health-chart-{VendorKey}') != null"), Is.True, "Chart.js drew the chart");
            await suite.ScreenshotAsync(page, "delivery-health", page.Locator("#ot-health"));
            await page.GotoAsync("Admin");
            await page.Locator("#ot-dashboard-health").WaitForAsync();
            Assert.That(await page.InnerTextAsync($"#ot-dashboard-health-{VendorKey}-failed"), Is.EqualTo(failed.ToString()), "the dashboard card shows the same health");
            await suite.ScreenshotAsync(page, "dashboard-health", page.Locator("#ot-dashboard-health"));

            await RunSweepTwiceAsync(suite);
            Assert.That(await AlertEmailsAsync(suite, AlertSubject, startedUtc), Is.EqualTo(1), "one alert email for the failing vendor");

            refused.Clear();
            var failedId = await suite.Database.ScalarAsync<int>(
                """select "Id" from "OrderTouchpointDelivery" where "OrderId" = $1 and "VendorId" = $2""", orders[0].OrderId, (int)TouchpointVendor.VtMarketing);
            await page.GotoAsync("Admin/OrderTouchpointsDeliveryLog/List");
            await page.Locator($"input[name='checkbox_deliveries'][value='{failedId}']").CheckAsync();
            await page.ClickAsync("#resend-selected");
            Assert.That(await Eventually.TrueAsync(async () => await suite.Database.ScalarAsync<int>(
                """select "StatusId" from "OrderTouchpointDelivery" where "Id" = $1""", failedId) == (int)DeliveryStatus.Delivered, TimeSpan.FromSeconds(60)));
            await RunSweepTwiceAsync(suite);
            Assert.That(await AlertEmailsAsync(suite, AlertSubject, startedUtc), Is.EqualTo(1), "still only one alert");
            Assert.That(await AlertEmailsAsync(suite, RecoveredSubject, startedUtc), Is.EqualTo(1), "one recovered email");
            // Compared in the database, on its own clock: the recovery was announced only once the delivery had arrived.
            Assert.That(await suite.Database.ScalarAsync<long>("""
                select count(*) from "QueuedEmail" q
                where q."Subject" = $2
                  and q."CreatedOnUtc" >= (select d."DeliveredOnUtc" from "OrderTouchpointDelivery" d where d."Id" = $1)
                """, failedId, RecoveredSubject), Is.EqualTo(1), "no recovery announced while the vendor still failed");
            var body = await suite.Database.ScalarAsync<string>("""select "Body" from "QueuedEmail" where "Subject" = $1 order by "Id" desc limit 1""", AlertSubject);
            await File.WriteAllTextAsync(suite.Environment.Artifact("alert-email.html"), body);
            Assert.That(body, Does.Not.Contain("@example.com"), "no customer data in the alert");
            await page.SetContentAsync(body ?? "");
            await suite.ScreenshotAsync(page, "alert-email");
        }
        finally
        {
            suite.Vendors.Misbehave = null;
            await Suite.CloseAsync(page);
        }
    }

    [Test]
    public async Task Test_connection_saves_an_unsaved_edit_first_and_shows_the_answer_of_that_click()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureConfiguredAsync();
        // Each click's probe gets its own answer, so the page can only show it if that click produced it.
        var probeAnswer = new StrongBox<FakeResponse?>(new FakeResponse(400, """{"error":"email is required"}"""));
        suite.Vendors.Misbehave = (vendor, request) =>
            vendor == TouchpointVendor.Transactionale && request.Body == "{}" ? Volatile.Read(ref probeAnswer.Value) : null;
        var page = await suite.NewAdminPageAsync();
        try
        {
            var configure = new ConfigurePage(page);
            await configure.OpenAsync();
            var days = await page.InputValueAsync("#Delivery_RetentionDays") == "31" ? "32" : "31";
            await page.FillAsync("#Delivery_RetentionDays", days);

            var first = await ClickTestConnectionAsync(suite, page, "reachable-" + Guid.NewGuid().ToString("N")[..8], 400, probeAnswer);
            Assert.That(first, Does.Contain("Your changes were saved first."));
            Assert.That(first, Does.Contain("Transactionale is reachable and did not refuse the API key"));

            var second = await ClickTestConnectionAsync(suite, page, "refused-" + Guid.NewGuid().ToString("N")[..8], 401, probeAnswer);
            Assert.That(second, Does.Contain("Transactionale refused the API key"), "the second click shows its own answer");
            Assert.That(second, Does.Not.Contain("is reachable and did not refuse"), "the first click's answer is gone");

            await page.ReloadAsync();
            Assert.That(await page.InputValueAsync("#Delivery_RetentionDays"), Is.EqualTo(days), "the edit survived the connection test");
        }
        finally
        {
            suite.Vendors.Misbehave = null;
            await Suite.CloseAsync(page);
        }
    }

    /// <summary>
    /// Clicks Transactionale's Test connection with the vendor scripted to answer <paramref name="status"/> and a
    /// marker; returns the page the click led to, after checking they name that marker and that
    /// the click sent exactly one probe (the page is a new load: notifications of an earlier click are not on it).
    /// </summary>
    private static async Task<string> ClickTestConnectionAsync(Suite suite, IPage page, string marker, int status, StrongBox<FakeResponse?> probeAnswer)
    {
        Volatile.Write(ref probeAnswer.Value, new FakeResponse(status, $$"""{"error":"{{marker}}"}"""));
        var probesBefore = suite.Vendors.Transactionale.Requests.Count(r => r.Body == "{}");
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#ot-test-connection-transactionale"),
            r => r.Request.Method == "POST" && r.Url.Contains("TestConnection", StringComparison.OrdinalIgnoreCase));
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var notifications = await page.ContentAsync();
        Assert.That(suite.Vendors.Transactionale.Requests.Count(r => r.Body == "{}") - probesBefore, Is.EqualTo(1), "the click sent one probe");
        Assert.That(notifications, Does.Contain(marker), "the page shows the answer to this click's probe");
        return notifications;
    }

    [Test]
    public async Task The_plugin_pages_work_with_the_admin_in_Italian()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureConfiguredAsync();
        var italianId = await ItalianLanguage.PublishAsync(suite);
        var englishId = await suite.Database.ScalarAsync<int>("""select "Id" from "Language" where "LanguageCulture" = 'en-US'""");
        var page = await suite.NewAdminPageAsync();
        try
        {
            await page.GotoAsync($"changelanguage/{italianId}?returnUrl=%2FAdmin%2FOrderTouchpointsDeliveryLog%2FList");
            await page.WaitForURLAsync("**/OrderTouchpointsDeliveryLog/List");
            var log = await page.ContentAsync();
            Assert.That(await page.InnerTextAsync(".content-header h1"), Does.Contain("Touchpoint ordini: registro degli invii"));
            Assert.That(log, Does.Contain("Non è stato possibile rimettere in coda"), "the script text is real JavaScript text");
            Assert.That(log, Does.Not.Contain("&#xE8;"), "no HTML-encoded letter inside a script");
            await suite.ScreenshotAsync(page, "delivery-log-italian");

            var response = await page.GotoAsync(ConfigurePage.Path);
            Assert.That(response!.Status, Is.EqualTo(200));
            await page.Locator("#Transactionale_Enabled").WaitForAsync();
        }
        finally
        {
            await page.GotoAsync($"changelanguage/{englishId}?returnUrl=%2FAdmin");
            await Suite.CloseAsync(page);
        }
    }

    private static async Task<(int Delivered, int Failed)> HealthCountsAsync(IPage page)
    {
        await page.GotoAsync("Admin/OrderTouchpointsDeliveryLog/List");
        return (int.Parse(await page.InnerTextAsync($"#ot-health-{VendorKey}-delivered")), int.Parse(await page.InnerTextAsync($"#ot-health-{VendorKey}-failed")));
    }

    private static async Task<int> FinishedAsync(Suite suite, List<PlacedOrder> orders) =>
        (int)await suite.Database.CountForOrdersAsync("OrderTouchpointDelivery", orders.Select(o => o.OrderId),
            """ "VendorId" = $1 and "StatusId" in (30, 40)""", (int)TouchpointVendor.VtMarketing);

    /// <summary>System → Schedule tasks → Run now, twice: a second run must not send the same email again.</summary>
    private static async Task RunSweepTwiceAsync(Suite suite)
    {
        var taskId = await suite.Database.ScalarAsync<int>("""select "Id" from "ScheduleTask" where "Type" like 'Nop.Plugin.Misc.OrderTouchpoints.%'""");
        for (var run = 0; run < 2; run++)
        {
            var response = await suite.Admin.GetAsync($"Admin/ScheduleTask/RunNow/{taskId}");
            Assert.That((int)response.StatusCode, Is.EqualTo(302), "the sweep ran");
        }
    }

    // The subjects of the two message templates the plugin installs (Alerts/DeliveryAlertTemplates.cs), for store and vendor.
    private const string AlertSubject = "Your store name: deliveries to VTmarketing need attention";
    private const string RecoveredSubject = "Your store name: deliveries to VTmarketing are back to normal";

    private static async Task<int> AlertEmailsAsync(Suite suite, string subject, DateTime sinceUtc) =>
        (int)await suite.Database.ScalarAsync<long>(
            """select count(*) from "QueuedEmail" where "Subject" = $1 and "CreatedOnUtc" >= $2""", subject, sinceUtc);
}
