using System.Text.RegularExpressions;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Scenarios;

/// <summary>
/// Scenarios j and k, after the healthy scenarios: the store's Log table holds no error from the plugin; no API key,
/// email address or payload reached the Log table or the process log; the admin shows no system warning about the plugin.
/// </summary>
[TestFixture, Order(20)]
public sealed partial class J_StoreHealthTests : StoreScenario
{
    private static readonly string[] Keys = [VendorFarm.TransactionaleKey, VendorFarm.VoyadoKey, VendorFarm.VtMarketingKey, VendorFarm.SecondTransactionaleKey];

    [Test]
    public async Task The_store_log_has_no_plugin_error_and_no_key_email_or_payload()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureConfiguredAsync();
        var rows = await suite.LogRowsSinceStartAsync();
        var pluginErrors = rows.Where(r => Convert.ToInt32(r["LogLevelId"]) >= 40 && Text(r).Contains("OrderTouchpoints", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.That(pluginErrors.Select(r => (string?)r["ShortMessage"]), Is.Empty, "no error of the plugin in System → Log");

        var everything = string.Join("\n", rows.Select(Text)) + "\n" + suite.ProcessLogSinceStart();
        Assert.Multiple(() =>
        {
            foreach (var key in Keys)
                Assert.That(everything, Does.Not.Contain(key), "an API key reached a log");
            Assert.That(SuiteEmail().Matches(everything).Select(m => m.Value).Distinct(), Is.Empty, "a customer's email reached a log");
            foreach (var payloadField in new[] { "\"first_name\"", "\"orderNumber\"", "\"grossPaidPrice\"", "\"confirmation\"" })
                Assert.That(everything, Does.Not.Contain(payloadField), "a vendor payload reached a log");
        });
    }

    [Test]
    public async Task The_admin_shows_no_system_warning_about_the_plugin()
    {
        var suite = Suite.Current;
        await StoreSetup.EnsureInstalledAsync();
        var warnings = await suite.Admin.GetPageAsync("Admin/Common/Warnings");
        var plugins = await suite.Admin.GetPageAsync("Admin/Plugin/List?showWarnings=True");
        var mentions = PluginWarning().Matches(warnings + plugins).Select(m => m.Value).Distinct().ToList();
        Assert.That(mentions, Is.Empty, "nopCommerce warns about the plugin");
    }

    private static string Text(Dictionary<string, object?> row) => $"{row["ShortMessage"]}\n{row["FullMessage"]}";

    [GeneratedRegex(@"e2e-[a-z0-9-]+@example\.com", RegexOptions.IgnoreCase)]
    private static partial Regex SuiteEmail();

    // nopCommerce's PluginsOverrideSameService warning names the service type: any Nop.Plugin.Misc.OrderTouchpoints type.
    [GeneratedRegex(@"[^<>]{0,200}Nop\.Plugin\.Misc\.OrderTouchpoints\.[A-Za-z.]+[^<>]{0,200}overridden[^<>]{0,200}")]
    private static partial Regex PluginWarning();
}
