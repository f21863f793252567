using Nop.Plugin.Misc.OrderTouchpoints.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Scenarios;

/// <summary>
/// Scenario a: the store owner uploads the zip in Admin → Configuration → Local plugins, installs it and applies
/// the change (two restarts); the plugin's table, indexes, schedule task and English and Italian texts exist.
/// </summary>
[TestFixture, Order(1), Category(Suite.MariaDbCategory)]
public sealed class A_InstallTests : StoreScenario
{
    [Test]
    public async Task Upload_and_install_in_the_admin_creates_table_indexes_task_and_both_languages()
    {
        var suite = Suite.Current;
        await ItalianLanguage.EnsureAsync(suite.Database);
        var page = await suite.NewAdminPageAsync();
        try
        {
            if (suite.Plugin.IsInstalled())
                await suite.Plugin.UninstallAsync(suite.Admin);
            page = await suite.Plugin.UploadInBrowserAsync(page);
            page = await suite.Plugin.InstallInBrowserAsync(page);
            await suite.ScreenshotAsync(page, "a-installed-plugin-list");
        }
        finally
        {
            await Suite.CloseAsync(page);
        }

        Assert.That(suite.Plugin.IsInstalled(), Is.True, "plugins.json lists the plugin as installed");
        var db = suite.Database;
        Assert.That(await db.TableExistsAsync(OutboxTableMigration.TableName), Is.True);
        Assert.That(await db.TableExistsAsync(OutboxTableMigration.LeaseTableName), Is.True, "the vendor-key lease table shared by web-farm nodes");
        var indexes = await db.IndexesAsync(OutboxTableMigration.TableName);
        Assert.That(indexes.Keys, Is.SupersetOf(new[]
        {
            OutboxTableMigration.KeyIndex, OutboxTableMigration.DueIndex, OutboxTableMigration.CreatedIndex, OutboxTableMigration.OrderIndex
        }));
        Assert.That(indexes[OutboxTableMigration.KeyIndex], Is.True, "one delivery per key, enforced by the database");
        var task = await db.QueryAsync("""select "Enabled", "Seconds" from "ScheduleTask" where "Type" like 'Nop.Plugin.Misc.OrderTouchpoints.%'""");
        Assert.That(task, Has.Count.EqualTo(1), "one delivery sweep task");
        Assert.That(task[0]["Enabled"], Is.EqualTo(true));

        var resources = await db.QueryAsync("""
            select l."LanguageCulture" as culture, count(*) as texts
            from "LocaleStringResource" r join "Language" l on l."Id" = r."LanguageId"
            where r."ResourceName" like 'plugins.misc.ordertouchpoints.%'
            group by l."LanguageCulture"
            """);
        var byCulture = resources.ToDictionary(r => (string)r["culture"]!, r => Convert.ToInt32(r["texts"]));
        Assert.That(byCulture.Keys, Is.SupersetOf(new[] { "en-US", ItalianLanguage.Culture }));
        Assert.That(byCulture[ItalianLanguage.Culture], Is.EqualTo(byCulture["en-US"]), "every English text has its Italian one");
        var italianTitle = await db.ScalarAsync<string>("""
            select r."ResourceValue" from "LocaleStringResource" r join "Language" l on l."Id" = r."LanguageId"
            where l."LanguageCulture" = $1 and r."ResourceName" = 'plugins.misc.ordertouchpoints.deliverylog.title'
            """, ItalianLanguage.Culture);
        var englishTitle = await db.ScalarAsync<string>("""
            select r."ResourceValue" from "LocaleStringResource" r join "Language" l on l."Id" = r."LanguageId"
            where l."LanguageCulture" = 'en-US' and r."ResourceName" = 'plugins.misc.ordertouchpoints.deliverylog.title'
            """);
        Assert.That(italianTitle, Is.Not.Empty.And.Not.EqualTo(englishTitle), "the Italian language gets Italian texts");
    }
}
