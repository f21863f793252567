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
}
