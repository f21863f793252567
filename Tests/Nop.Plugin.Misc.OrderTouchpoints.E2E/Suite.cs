using System.Text;
using Microsoft.Playwright;
using Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E;

/// <summary>
/// What every scenario shares for one run against one store: the store's addresses, database and process,
/// the three contract-checking vendors on 127.0.0.1, Debian's Chromium, and an admin HTTP session. At the end
/// it saves the vendors' request logs (API keys masked) and the store's log excerpts under artifacts/e2e/.
/// </summary>
[SetUpFixture]
public sealed class Suite
{
    private static Suite? _current;
    private IPlaywright? _playwright;
    private long _logStart;
    private DateTime _startedUtc;

    public static Suite Current => _current ?? throw new InvalidOperationException("the suite has not started");

    public StoreEnvironment Environment { get; private set; } = null!;
    public StoreDatabase Database { get; private set; } = null!;
    public StoreNode Node { get; private set; } = null!;
    public PluginLifecycle Plugin { get; private set; } = null!;
    public StorefrontCheckout Checkout { get; private set; } = null!;
    public VendorFarm Vendors { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public NopHttpSession Admin { get; private set; } = null!;

    /// <summary>Set once the configure scenario (or <see cref="StoreSetup.EnsureConfiguredAsync"/>) pointed the plugin at this run's vendors.</summary>
    public bool ConfiguredForThisRun { get; set; }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _current = this;
        _startedUtc = DateTime.UtcNow;
        Environment = StoreEnvironment.FromProcess();
        Database = new StoreDatabase(Environment.PostgresUrl);
        Node = new StoreNode(Environment);
        Plugin = new PluginLifecycle(Environment, Node);
        Checkout = new StorefrontCheckout(Database);
        _logStart = Node.LogLength();
        await Node.WaitUntilServingAsync();
        Vendors = await VendorFarm.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // This machine has no network beyond loopback: keep Chromium from trying.
            Args = ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"]
        });
        Admin = await NewAdminSessionAsync();
    }

    public NopHttpSession NewSession(Uri? baseUrl = null) => new(baseUrl ?? Environment.StoreUrl, Environment.UserAgent);

    public async Task<NopHttpSession> NewAdminSessionAsync()
    {
        var session = NewSession();
        await session.LoginAsync(Environment.AdminEmail, Environment.AdminPassword);
        return session;
    }

    /// <summary>A browser page of a new context signed in as the store's admin.</summary>
    public async Task<IPage> NewAdminPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Environment.StoreUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("login");
        await page.FillAsync("#Email", Environment.AdminEmail);
        await page.FillAsync("#Password", Environment.AdminPassword);
        await page.ClickAsync("button.login-button");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.OrdinalIgnoreCase));
        return page;
    }

    public async Task ScreenshotAsync(IPage page, string name, ILocator? part = null)
    {
        var path = Environment.Artifact(Path.Combine("screenshots", name + ".png"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (part is null)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        else
            await part.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
    }

    /// <summary>The store's <c>Log</c> rows written since the suite started (System → Log).</summary>
    public Task<List<Dictionary<string, object?>>> LogRowsSinceStartAsync() =>
        Database.QueryAsync("""select "LogLevelId", "ShortMessage", "FullMessage", "CreatedOnUtc" from "Log" where "CreatedOnUtc" >= $1 order by "Id" """, _startedUtc);

    public string ProcessLogSinceStart() => Node.LogSince(_logStart);

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        try
        {
            await SaveArtifactsAsync();
        }
        finally
        {
            Admin?.Dispose();
            if (Browser is not null)
                await Browser.CloseAsync();
            _playwright?.Dispose();
            if (Vendors is not null)
                await Vendors.DisposeAsync();
        }
    }

    private async Task SaveArtifactsAsync()
    {
        foreach (var (name, server) in new[] { ("transactionale", Vendors.Transactionale), ("voyado", Vendors.Engage.Server), ("vtmarketing", Vendors.VtMarketing) })
        {
            var log = new StringBuilder();
            foreach (var answered in server.Answered)
            {
                var request = answered.Request;
                log.AppendLine($"{request.ReceivedAt:O} {request.Method} {request.Path}{request.Query} -> {answered.Status}");
                foreach (var (header, value) in request.Headers.Where(h => h.Key is not ("Host" or "Content-Length")))
                    log.AppendLine($"  {header}: {(IsKeyHeader(header) ? Masked(value) : value)}");
                log.AppendLine("  " + request.Body);
            }
            foreach (var violation in server.ContractViolations)
                log.AppendLine("CONTRACT VIOLATION: " + violation);
            await File.WriteAllTextAsync(Environment.Artifact($"vendor-{name}.log"), log.ToString());
        }
        await File.WriteAllTextAsync(Environment.Artifact("store-process.log"), ProcessLogSinceStart());
        var rows = await LogRowsSinceStartAsync();
        await File.WriteAllLinesAsync(Environment.Artifact("store-log-table.txt"),
            rows.Select(r => $"{r["CreatedOnUtc"]:O} level {r["LogLevelId"]}: {r["ShortMessage"]}"));
    }

    private static bool IsKeyHeader(string header) => header is "apikey" or "Authorization" or "X-Authorization";

    private static string Masked(string key) => key.Length > 4 ? "…" + key[^4..] : "…";
}
