using System.Reflection;

namespace Nop.Plugin.Misc.OrderTouchpoints.Views.Tests;

/// <summary>The plugin's view sources, found through the path the build stamped into this assembly.</summary>
public static class PluginViews
{
    public static string Directory { get; } = typeof(PluginViews).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "PluginViewsDir").Value!;

    /// <summary>Paths relative to the plugin folder, the way Razor names compiled items: <c>/Views/Configure.cshtml</c>.</summary>
    public static IReadOnlyList<string> Identifiers() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.cshtml", SearchOption.AllDirectories)
            .Select(f => "/Views/" + Path.GetRelativePath(Directory, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IEnumerable<(string Identifier, string Source)> Sources() =>
        Identifiers().Select(id => (id, File.ReadAllText(Path.Combine(Directory, id["/Views/".Length..]))));
}
