using System.Security.Cryptography;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Scenarios;

/// <summary>
/// Scenario i: the plugin built inside the store's own source tree (src/Plugins/Nop.Plugin.Misc.OrderTouchpoints),
/// against the real Nop.Web.Framework project, into Presentation/Nop.Web/Plugins/Misc.OrderTouchpoints; that build is
/// installed and sends orders.
/// </summary>
[TestFixture, Order(25)]
public sealed class I_TreeModeTests : StoreScenario
{
    private static readonly string[] PluginSources = ["Directory.Build.props", "plugin.json", "logo.png", "build/Package.targets", "Nop.Plugin.Misc.OrderTouchpoints"];

    [Test]
    public async Task The_tree_mode_build_installs_and_sends_orders()
    {
        var suite = Suite.Current;
        var env = suite.Environment;
        if (suite.Plugin.IsInstalled())
            await suite.Plugin.UninstallAsync(suite.Admin);
        suite.ConfiguredForThisRun = false;

        var treeDir = Path.Combine(env.SourceDir, "Plugins", "Nop.Plugin.Misc.OrderTouchpoints");
        if (Directory.Exists(treeDir))
            Directory.Delete(treeDir, recursive: true);
        foreach (var source in PluginSources)
            Copy(Path.Combine(env.RepositoryRoot, source), Path.Combine(treeDir, source));
        if (Directory.Exists(suite.Plugin.PluginFolder))
            Directory.Delete(suite.Plugin.PluginFolder, recursive: true);

        // nopCommerce's ClearPluginAssemblies tool targets net9.0; where only a newer runtime is installed it must roll forward.
        var build = await ProcessRunner.RunAsync("dotnet",
            ["build", Path.Combine(treeDir, "Nop.Plugin.Misc.OrderTouchpoints", "Nop.Plugin.Misc.OrderTouchpoints.csproj"), "-c", "Release", "-nologo", "-v:minimal"],
            new Dictionary<string, string> { ["DOTNET_ROLL_FORWARD"] = "Major" });
        await File.WriteAllTextAsync(env.Artifact("tree-mode-build.log"), build.Output);
        Assert.That(build.ExitCode, Is.Zero, "the plugin builds inside the nopCommerce tree (see tree-mode-build.log)");

        var dll = Path.Combine(suite.Plugin.PluginFolder, "Nop.Plugin.Misc.OrderTouchpoints.dll");
        Assert.That(File.Exists(dll), Is.True, "the tree build writes to Presentation/Nop.Web/Plugins/Misc.OrderTouchpoints");
        Assert.That(File.Exists(Path.Combine(suite.Plugin.PluginFolder, "plugin.json")), Is.True);
        Assert.That(File.Exists(Path.Combine(suite.Plugin.PluginFolder, "Nop.Web.Framework.dll")), Is.False, "ClearPluginAssemblies removed the host's assemblies");
        var built = Hash(dll);

        await suite.Plugin.EnsureInstalledAsync(suite.Admin);
        Assert.That(Hash(dll), Is.EqualTo(built), "the installed plugin is the tree build");
        await StoreSetup.EnsureConfiguredAsync();
        using var buyer = suite.NewSession();
        var order = await suite.Checkout.PlaceOrderAsync(buyer, Buyers.Guest("tree-mode"));
        Assert.That(await Eventually.TrueAsync(() => VendorRequests.EngageOrderPosts(suite.Vendors, order.OrderNumber).Count == 1
                                                     && VendorRequests.VtMarketing(suite.Vendors, order.OrderNumber).Count == 1
                                                     && VendorRequests.Transactionale(suite.Vendors, order.Email).Count == 1, TimeSpan.FromSeconds(60)),
            "the tree build delivers to every vendor");
    }

    private static void Copy(string source, string target)
    {
        if (File.Exists(source))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
            return;
        }
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
                continue;
            Copy(file, Path.Combine(target, relative));
        }
    }

    private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
}
