namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>
/// Where the store under test is and what the suite may use, from the environment build/e2e.sh sets
/// (the exports of <c>nophost env</c> plus the suite's own). A missing variable is a set-up error, said plainly.
/// </summary>
public sealed record StoreEnvironment(
    Uri StoreUrl,
    string AdminEmail,
    string AdminPassword,
    string DatabaseKind,
    string DatabaseUrl,
    string WebDir,
    string SourceDir,
    string NodeLog,
    string PidFile,
    string UserAgent,
    string PluginZip,
    string NopHostCommand,
    string RepositoryRoot,
    string ArtifactsDir)
{
    public static StoreEnvironment FromProcess() => new(
        new Uri(Required("NOP_URL").TrimEnd('/') + "/"),
        Required("NOP_ADMIN_EMAIL"),
        Required("NOP_ADMIN_PASSWORD"),
        Environment.GetEnvironmentVariable("NOP_DB") is { Length: > 0 } kind ? kind : "postgresql",
        Environment.GetEnvironmentVariable("NOP_DB") == "mariadb" ? Required("NOP_MYSQL") : Required("NOP_PG"),
        Required("NOP_WEB_DIR"),
        Required("NOP_SRC"),
        Required("NOP_LOG"),
        Required("NOP_PID_FILE"),
        Required("NOP_USER_AGENT"),
        Required("E2E_PLUGIN_ZIP"),
        Required("E2E_NOPHOST"),
        Required("E2E_REPOSITORY"),
        Required("E2E_ARTIFACTS"));

    /// <summary>The same store under another host name: nopCommerce picks the store by host, so this reaches the second store.</summary>
    public Uri SecondStoreUrl => new UriBuilder(StoreUrl) { Host = "localhost" }.Uri;

    public string Artifact(string name)
    {
        Directory.CreateDirectory(ArtifactsDir);
        return Path.Combine(ArtifactsDir, name);
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the suite through build/e2e.sh (or export what it exports).");
}
