namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>Finds the repository from the test binaries, wherever the tests run from.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string PluginProject => Path.Combine(Root, "Nop.Plugin.Misc.OrderTouchpoints");

    public static string PackageZip => Path.Combine(Root, "dist", "Nop.Plugin.Misc.OrderTouchpoints.zip");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "plugin.json")) && Directory.Exists(Path.Combine(dir.FullName, "build")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("The repository root (with plugin.json) was not found above " + AppContext.BaseDirectory);
    }
}
