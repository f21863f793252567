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
    /// Clicks a button that restarts the store and, once the store serves again, returns a new tab of the same admin session
    /// on the plugin list. nopCommerce's restart page moves itself to the list 3 s after its restart call ends
    /// (CommonSettings.RestartTimeout), whether or not the store is back; on the same tab that navigation races ours and
    /// can interrupt it more than once, so the tab that showed the restart page is closed instead.
    /// </summary>
    private async Task<IPage> RestartThroughAsync(IPage page, string button)
    {
        await node.RestartThroughAsync(() => page.ClickAsync(button));
        var list = await page.Context.NewPageAsync();
        await page.CloseAsync();
        await list.GotoAsync(PluginListPath);
        return list;
    }

    // The page shows the list already: waiting for its address would return at once, and the next click would cancel this post.
    private static Task SubmitBackToPluginListAsync(IPage page, ILocator button) => page.ClickToDocumentAsync(button, $"^/{PluginListPath}$");

    /// <summary>Each step returns the tab that shows the plugin list after its restart.</summary>
    public async Task<IPage> UploadInBrowserAsync(IPage page)
    {
        await page.GotoAsync(PluginListPath);
        await page.ClickAsync("button[name='uploadplugin']");
        await page.SetInputFilesAsync("#archivefile", environment.PluginZip);
        await SubmitBackToPluginListAsync(page, page.Locator("#upload-plugin"));
        // nopCommerce moves Plugins/Uploaded/<folder> into place only at start-up.
        return await RestartThroughAsync(page, "button[name='plugin-reload-grid']");
    }

    public async Task<IPage> InstallInBrowserAsync(IPage page)
    {
        await page.GotoAsync(PluginListPath);
        var install = page.Locator($"button[name='install-plugin-link-{SystemName}']");
        await install.WaitForAsync();
        await SubmitBackToPluginListAsync(page, install);
        return await RestartThroughAsync(page, "button[name='plugin-apply-changes']");
    }

    public async Task<IPage> UninstallInBrowserAsync(IPage page)
    {
        await page.GotoAsync(PluginListPath);
        var uninstall = page.Locator($"button[name='uninstall-plugin-link-{SystemName}']");
        await uninstall.WaitForAsync();
        await SubmitBackToPluginListAsync(page, uninstall);
        return await RestartThroughAsync(page, "button[name='plugin-apply-changes']");
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
