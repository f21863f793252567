using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>
/// Uploading, installing and uninstalling the plugin as a store owner does it, in the browser or over the same
/// admin HTTP endpoints; every step that nopCommerce finishes with a restart waits for the next process.
/// </summary>
public sealed class PluginLifecycle(StoreEnvironment environment, StoreNode node)
{
    public const string SystemName = "Misc.OrderTouchpoints";

    private const string PluginListPath = "Admin/Plugin/List";

    private string PluginsJson => Path.Combine(environment.WebDir, "App_Data", "plugins.json");

    public string PluginFolder => Path.Combine(environment.WebDir, "Plugins", SystemName);

    /// <summary>Installed according to the store's own plugins.json (what the next start will load).</summary>
    public bool IsInstalled()
    {
        if (!File.Exists(PluginsJson))
            return false;
        using var json = JsonDocument.Parse(File.ReadAllText(PluginsJson));
        return json.RootElement.TryGetProperty("InstalledPlugins", out var installed)
               && installed.EnumerateArray().Any(p => p.TryGetProperty("SystemName", out var name) && name.GetString() == SystemName);
    }

    /// <summary>
    /// The plugin list, once the page's own navigation has landed: the button click that restarted the store (a step
    /// before) can still be on its way back when the store answers again, and it interrupts a navigation started meanwhile.
    /// Playwright reports the interruption once that navigation has committed, so the next attempt starts after it. It does
    /// not wait for that document's load event: once, in a MariaDB run, that wait saw only "network idle" in 60 s, the
    /// load event never came. Three attempts are plenty.
    /// </summary>
    private static async Task OpenPluginListAsync(IPage page)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.GotoAsync(PluginListPath);
                return;
            }
            catch (PlaywrightException exception) when (attempt < 3 && IsCutShortByAnotherNavigation(exception))
            {
                // the other navigation has happened; the next attempt starts after it
            }
        }
    }

    // nopCommerce's restart page moves itself to the list 3 s after its restart call ends (CommonSettings.RestartTimeout):
    // Chromium either aborts the navigation under way or reports it as interrupted, depending on which one started first.
    private static bool IsCutShortByAnotherNavigation(PlaywrightException exception) =>
        exception.Message.Contains("interrupted by another navigation") || exception.Message.Contains("net::ERR_ABORTED");

    /// <summary>
    /// Clicks a button whose form posts and comes back to the plugin list, and waits for that new list. The page shows
    /// the list already, so waiting for its address would return at once, and the next click would cancel this post.
    /// </summary>
    private static Task SubmitBackToPluginListAsync(IPage page, ILocator button) =>
        page.RunAndWaitForNavigationAsync(() => button.ClickAsync(), new() { UrlString = $"**/{PluginListPath}**" });

    public async Task UploadInBrowserAsync(IPage page)
    {
        await OpenPluginListAsync(page);
        await page.ClickAsync("button[name='uploadplugin']");
        await page.SetInputFilesAsync("#archivefile", environment.PluginZip);
        await SubmitBackToPluginListAsync(page, page.Locator("#upload-plugin"));
        // nopCommerce moves Plugins/Uploaded/<folder> into place only at start-up.
        await node.RestartThroughAsync(() => page.ClickAsync("button[name='plugin-reload-grid']"));
    }

    public async Task InstallInBrowserAsync(IPage page)
    {
        await OpenPluginListAsync(page);
        var install = page.Locator($"button[name='install-plugin-link-{SystemName}']");
        await install.WaitForAsync();
        await SubmitBackToPluginListAsync(page, install);
        await node.RestartThroughAsync(() => page.ClickAsync("button[name='plugin-apply-changes']"));
    }

    public async Task UninstallInBrowserAsync(IPage page)
    {
        await OpenPluginListAsync(page);
        var uninstall = page.Locator($"button[name='uninstall-plugin-link-{SystemName}']");
        await uninstall.WaitForAsync();
        await SubmitBackToPluginListAsync(page, uninstall);
        await node.RestartThroughAsync(() => page.ClickAsync("button[name='plugin-apply-changes']"));
    }

    /// <summary>Uploads (unless the plugin folder is there) and installs over HTTP; used by scenarios that need an installed plugin.</summary>
    public async Task EnsureInstalledAsync(NopHttpSession admin)
    {
        if (IsInstalled())
            return;
        if (!File.Exists(Path.Combine(PluginFolder, "plugin.json")))
            await UploadAsync(admin);
        await admin.GetPageAsync("Admin/Plugin/List");
        var response = await admin.PostFormAsync("Admin/Plugin/List", [new($"install-plugin-link-{SystemName}", "")]);
        Expect(response, "install");
        await RestartAsync(admin);
        if (!IsInstalled())
            throw new InvalidOperationException("the plugin is not installed after the restart; see the store log");
    }

    /// <summary>Uploads this build's zip, or another one (the previous release), and restarts so nopCommerce moves it into place.</summary>
    public async Task UploadAsync(NopHttpSession admin, string? pluginZip = null)
    {
        var zipPath = pluginZip ?? environment.PluginZip;
        await admin.GetPageAsync("Admin/Plugin/List");
        using var content = new MultipartFormDataContent();
        var zip = new ByteArrayContent(await File.ReadAllBytesAsync(zipPath));
        zip.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Add(zip, "archivefile", Path.GetFileName(zipPath));
        content.Add(new StringContent(admin.Token), "__RequestVerificationToken");
        Expect(await admin.PostAsync("Admin/Plugin/UploadPluginsAndThemes", content), "upload");
        await RestartAsync(admin);
    }

    /// <summary>
    /// Uninstalls as the plugin list's buttons do. nopCommerce 4.90's uninstall button only marks the plugin; the uninstall
    /// itself (the plugin's UninstallAsync and its migrations' Down) runs when the changes are applied, not at a restart.
    /// </summary>
    public async Task UninstallAsync(NopHttpSession admin)
    {
        await admin.GetPageAsync("Admin/Plugin/List");
        Expect(await admin.PostFormAsync("Admin/Plugin/List", [new($"uninstall-plugin-link-{SystemName}", "")]), "uninstall");
        await admin.GetPageAsync("Admin/Plugin/List");
        Expect(await admin.PostFormAsync("Admin/Plugin/List", [new("plugin-apply-changes", "")]), "apply the uninstall");
        await RestartAsync(admin);
        if (IsInstalled())
            throw new InvalidOperationException("the plugin is still installed after the uninstall; see the store log");
    }

    /// <summary>The version in the plugin.json of the plugin folder the store loads.</summary>
    public string InstalledFilesVersion() => VersionIn(Path.Combine(PluginFolder, "plugin.json"));

    public static string VersionIn(string pluginJson)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(pluginJson));
        return json.RootElement.GetProperty("Version").GetString() ?? throw new InvalidOperationException($"{pluginJson} has no Version");
    }

    public Task RestartAsync(NopHttpSession admin) =>
        node.RestartThroughAsync(async () => await admin.GetAsync("Admin/Common/RestartApplication"));

    private static void Expect(HttpResponseMessage response, string step)
    {
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.OK))
            throw new InvalidOperationException($"plugin {step} answered {(int)response.StatusCode}");
    }
}
