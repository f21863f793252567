using System.Text.RegularExpressions;
using Nop.Plugin.Misc.OrderTouchpoints.Localization;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Foundation;

/// <summary>Every resource key the plugin's code and views mention has an English and an Italian text.</summary>
public partial class LocaleResourceCoverageTests
{
    [GeneratedRegex(@"Plugins\.Misc\.OrderTouchpoints\.[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*")]
    private static partial Regex ResourceKey();

    [GeneratedRegex(@"NopResourceDisplayName\(\s*""(?<key>[^""]+)""")]
    private static partial Regex DisplayNameKey();

    private static IEnumerable<(string File, string Text)> PluginSources() =>
        Directory.EnumerateFiles(RepositoryPaths.PluginProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".cshtml"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => (Path.GetRelativePath(RepositoryPaths.Root, f), File.ReadAllText(f)));

    private static Dictionary<string, LocaleText> Known() => LocaleResources.All.ToDictionary(t => t.Key, StringComparer.OrdinalIgnoreCase);

    [Test]
    public void Every_key_used_in_code_and_views_has_english_and_italian_text()
    {
        var known = Known();
        var used = PluginSources()
            .SelectMany(s => ResourceKey().Matches(s.Text).Select(m => (s.File, Key: m.Value)))
            .ToList();
        Assert.That(used, Is.Not.Empty, "the scan found no resource keys at all");

        var missing = used.Where(u => !known.TryGetValue(u.Key, out var text)
                                      || string.IsNullOrWhiteSpace(text.English)
                                      || string.IsNullOrWhiteSpace(text.Italian))
            .Select(u => $"{u.Key} ({u.File})").Distinct().ToList();
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Every_labelled_field_also_has_a_hint()
    {
        var known = Known();
        var missing = PluginSources()
            .SelectMany(s => DisplayNameKey().Matches(s.Text).Select(m => m.Groups["key"].Value + ".Hint"))
            .Where(hint => !known.ContainsKey(hint))
            .Distinct().ToList();
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Resource_keys_are_unique()
    {
        Assert.That(LocaleResources.All.Select(t => t.Key), Is.Unique);
    }

    [Test]
    public void Resource_keys_are_all_under_the_plugin_prefix()
    {
        Assert.That(LocaleResources.All.Select(t => t.Key), Has.All.StartsWith("Plugins.Misc.OrderTouchpoints."));
    }
}
