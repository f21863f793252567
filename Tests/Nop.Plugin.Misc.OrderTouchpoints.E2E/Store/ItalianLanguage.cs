namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>
/// The sample store has only English; an Italian language (unpublished, so the storefront is unchanged) lets the
/// suite see the plugin's Italian texts. Inserted directly: it is the store's set-up, not the plugin under test.
/// </summary>
public static class ItalianLanguage
{
    public const string Culture = "it-IT";

    public static async Task EnsureAsync(StoreDatabase database)
    {
        if (await database.ScalarAsync<int>("""select count(*) from "Language" where "LanguageCulture" = $1""", Culture) > 0)
            return;
        await database.ExecuteAsync("""
            insert into "Language" ("Name", "LanguageCulture", "UniqueSeoCode", "FlagImageFileName", "Rtl", "LimitedToStores", "DefaultCurrencyId", "Published", "DisplayOrder")
            values ('Italiano', $1, 'it', 'it.png', false, false, 0, false, 2)
            """, Culture);
    }

    /// <summary>Publishes the Italian language through the admin's language form (which clears nopCommerce's language cache).</summary>
    public static async Task<int> PublishAsync(Suite suite)
    {
        await EnsureAsync(suite.Database);
        var id = await suite.Database.ScalarAsync<int>("""select "Id" from "Language" where "LanguageCulture" = $1""", Culture);
        await suite.Admin.GetPageAsync($"Admin/Language/Edit/{id}");
        var response = await suite.Admin.PostFormAsync($"Admin/Language/Edit/{id}",
        [
            new("Id", id.ToString()), new("Name", "Italiano"), new("LanguageCulture", Culture), new("UniqueSeoCode", "it"),
            new("FlagImageFileName", "it.png"), new("Rtl", "false"), new("DefaultCurrencyId", "0"), new("Published", "true"),
            new("DisplayOrder", "2"), new("save", "")
        ]);
        if ((int)response.StatusCode != 302)
            throw new InvalidOperationException($"the admin did not publish the Italian language ({(int)response.StatusCode})");
        return id;
    }
}
