using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Scenarios;

/// <summary>
/// Scenario b: the three vendors configured in the browser; keys are masked, absent from the page source and
/// encrypted in the Setting table; a second store's own Transactionale key, set by store-scope override, is the
/// key its orders are sent with.
/// </summary>
[TestFixture, Order(2), Category(Suite.MariaDbCategory)]
public sealed class B_ConfigureTests : StoreScenario
{
    private static readonly string[] Keys = [VendorFarm.TransactionaleKey, VendorFarm.VoyadoKey, VendorFarm.VtMarketingKey, VendorFarm.SecondTransactionaleKey];

    [Test]
    public async Task Vendors_configured_in_the_browser_keep_their_keys_masked_and_encrypted()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureInstalledAsync();
        var page = await suite.NewAdminPageAsync();
        try
        {
            var configure = new ConfigurePage(page);
            await configure.OpenAsync();
            await configure.EnableAllVendorsAsync(suite.Vendors);
            suite.ConfiguredForThisRun = true;

            await page.ReloadAsync();
            foreach (var card in new[] { "transactionale", "voyado", "vtmarketing", "delivery" })
                await suite.ScreenshotAsync(page, $"configure-{card}", page.Locator($"#order-touchpoints-{card}"));

            Assert.That(await page.IsCheckedAsync("#Transactionale_Enabled"), Is.True);
            Assert.That(await page.IsCheckedAsync("#Voyado_Enabled"), Is.True);
            Assert.That(await page.IsCheckedAsync("#VtMarketing_Enabled"), Is.True);
            Assert.That(await page.InputValueAsync("#Transactionale_EndpointUrl"), Is.EqualTo(suite.Vendors.TransactionaleEndpoint.ToString()));
            foreach (var keyInput in new[] { "#Transactionale_ApiKey", "#Voyado_ApiKey", "#VtMarketing_ApiKey" })
                Assert.That(await page.InputValueAsync(keyInput), Is.Empty, $"{keyInput} is never filled from the stored key");
            var source = await page.ContentAsync();
            foreach (var key in Keys)
                Assert.That(source, Does.Not.Contain(key), "no API key in the page source");
            Assert.That(source, Does.Contain(VendorFarm.TransactionaleKey[^4..]), "the page shows the key's last characters");
        }
        finally
        {
            await Suite.CloseAsync(page);
        }

        var stored = await suite.Database.QueryAsync("""select "Name", "Value" from "Setting" where "Name" like 'ordertouchpoints%.apikey' and "StoreId" = 0""");
        Assert.That(stored, Has.Count.EqualTo(3));
        foreach (var row in stored)
        {
            var value = (string)row["Value"]!;
            Assert.That(Keys.Any(value.Contains), Is.False, $"{row["Name"]} is not stored in plain text");
            Assert.That(() => Convert.FromBase64String(value), Throws.Nothing, $"{row["Name"]} is stored encrypted (Base64 cipher text)");
        }
    }

    [Test]
    public async Task A_second_store_sends_with_its_own_Transactionale_key()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureConfiguredAsync();
        var secondStoreId = await SecondStore.EnsureAsync(suite);
        var page = await suite.NewAdminPageAsync();
        try
        {
            var configure = new ConfigurePage(page);
            await configure.OpenAsync(secondStoreId);
            await configure.OverrideTransactionaleKeyAsync(VendorFarm.SecondTransactionaleKey);
            await page.ReloadAsync();
            Assert.That(await page.ContentAsync(), Does.Not.Contain(VendorFarm.SecondTransactionaleKey));
            await configure.OpenAsync(0);
        }
        finally
        {
            await Suite.CloseAsync(page);
        }
        Assert.That(await suite.Database.ScalarAsync<int>(
            """select count(*) from "Setting" where "Name" = 'ordertouchpointstransactionalesettings.apikey' and "StoreId" = $1""", secondStoreId), Is.EqualTo(1),
            "the second store has its own key setting");

        using var secondStoreBuyer = suite.NewSession(suite.Environment.SecondStoreUrl);
        using var firstStoreBuyer = suite.NewSession();
        var inSecond = await suite.Checkout.PlaceOrderAsync(secondStoreBuyer, Buyers.Guest("second-store"));
        var inFirst = await suite.Checkout.PlaceOrderAsync(firstStoreBuyer, Buyers.Guest("first-store"));
        Assert.That(inSecond.StoreId, Is.EqualTo(secondStoreId));
        Assert.That(inFirst.StoreId, Is.Not.EqualTo(secondStoreId));

        var bothArrived = await Eventually.TrueAsync(() =>
            VendorRequests.Transactionale(suite.Vendors, inSecond.Email).Count > 0 && VendorRequests.Transactionale(suite.Vendors, inFirst.Email).Count > 0,
            TimeSpan.FromSeconds(30));
        Assert.That(bothArrived, Is.True, "both stores' orders reached Transactionale");
        Assert.That(VendorRequests.Transactionale(suite.Vendors, inSecond.Email).Single().Header("X-Authorization"), Is.EqualTo(VendorFarm.SecondTransactionaleKey));
        Assert.That(VendorRequests.Transactionale(suite.Vendors, inFirst.Email).Single().Header("X-Authorization"), Is.EqualTo(VendorFarm.TransactionaleKey));
        Assert.That(suite.Vendors.Transactionale.ContractViolations, Is.Empty);
    }
}
