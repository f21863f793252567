namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>
/// Preconditions a scenario states instead of relying on the scenarios before it: the plugin installed and
/// configured for this run's vendors. Whatever is already true is not redone.
/// </summary>
public static class StoreSetup
{
    public static async Task EnsureInstalledAsync()
    {
        var suite = Suite.Current;
        // The plugin writes its Italian texts for the languages that exist when it is installed.
        if (!suite.Plugin.IsInstalled())
            await ItalianLanguage.EnsureAsync(suite.Database);
        await suite.Plugin.EnsureInstalledAsync(suite.Admin);
    }

    public static async Task EnsureConfiguredAsync()
    {
        var suite = Suite.Current;
        await EnsureInstalledAsync();
        if (suite.ConfiguredForThisRun)
            return;
        var page = await suite.NewAdminPageAsync();
        try
        {
            var configure = new ConfigurePage(page);
            await configure.OpenAsync();
            await configure.EnableAllVendorsAsync(suite.Vendors);
            suite.ConfiguredForThisRun = true;
        }
        catch
        {
            await suite.ScreenshotAsync(page, "configure-failed-" + DateTime.UtcNow.ToString("HHmmss"));
            throw;
        }
        finally
        {
            await Suite.CloseAsync(page);
        }
    }
}
