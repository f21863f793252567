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
    /// before) can still be on its way back to this list when the store answers again, and a new navigation started
    /// meanwhile is interrupted by it. Each retry follows that navigation's end, never a timer; three are plenty.
    /// </summary>
    private static async Task OpenPluginListAsync(IPage page)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.GotoAsync("Admin/Plugin/List");
                return;
            }
            catch (PlaywrightException exception) when (attempt < 3 && exception.Message.Contains("interrupted by another navigation"))
            {
                await page.WaitForLoadStateAsync(LoadState.Load);
            }
        }
    }

    public async Task UploadInBrowserAsync(IPage page)
    {
        await OpenPluginListAsync(page);
        await page.ClickAsync("button[name='uploadplugin']");
        await page.SetInputFilesAsync("#archivefile", environment.PluginZip);
        await page.ClickAsync("#upload-plugin");
        await page.WaitForURLAsync("**/Admin/Plugin/List**");
        // nopCommerce moves Plugins/Uploaded/<folder> into place only at start-up.
        await node.RestartThroughAsync(() => page.ClickAsync("button[name='plugin-reload-grid']"));
    }

    public async Task InstallInBrowserAsync(IPage page)
    {
        await OpenPluginListAsync(page);
        var install = page.Locator($"button[name='install-plugin-link-{SystemName}']");
        await install.WaitForAsync();
        await install.ClickAsync();
        await page.WaitForURLAsync("**/Admin/Plugin/List**");
        await node.RestartThroughAsync(() => page.ClickAsync("button[name='plugin-apply-changes']"));
    }

    public async Task UninstallInBrowserAsync(IPage page)
    {
        await OpenPluginListAsync(page);
        var uninstall = page.Locator($"button[name='uninstall-plugin-link-{SystemName}']");
        await uninstall.WaitForAsync();
        await uninstall.ClickAsync();
        await page.WaitForURLAsync("**/Admin/Plugin/List**");
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

    public async Task UninstallAsync(NopHttpSession admin)
    {
        await admin.GetPageAsync("Admin/Plugin/List");
        Expect(await admin.PostFormAsync("Admin/Plugin/List", [new($"uninstall-plugin-link-{SystemName}", "")]), "uninstall");
        await RestartAsync(admin);
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
