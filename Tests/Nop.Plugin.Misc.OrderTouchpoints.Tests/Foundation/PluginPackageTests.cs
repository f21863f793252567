using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Foundation;

/// <summary>
/// The zip written by build/package.sh is what a store owner uploads: nopCommerce's UploadService wants a
/// single top folder holding plugin.json, and the host's own assemblies must never be inside.
/// </summary>
public class PluginPackageTests
{
    private const string Folder = "Misc.OrderTouchpoints/";
    private static readonly string[] PluginDependencies = ["Polly.Core.dll"];

    private ZipArchive _zip = null!;

    [OneTimeSetUp]
    public void OpenZip()
    {
        Assert.That(File.Exists(RepositoryPaths.PackageZip), Is.True,
            $"{RepositoryPaths.PackageZip} is missing: run build/package.sh (build/test.sh does) before the tests");
        _zip = ZipFile.OpenRead(RepositoryPaths.PackageZip);
    }

    [OneTimeTearDown]
    public void CloseZip() => _zip?.Dispose();

    private List<string> Files => _zip.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.FullName).ToList();

    [Test]
    public void Zip_has_one_top_folder_named_after_the_system_name()
    {
        var roots = _zip.Entries.Select(e => e.FullName.Split('/')[0]).Distinct().ToList();
        Assert.That(roots, Is.EqualTo(new[] { "Misc.OrderTouchpoints" }));
    }

    private JsonDocument Descriptor()
    {
        var entry = _zip.GetEntry(Folder + "plugin.json") ?? throw new AssertionException("no plugin.json at the top of the plugin folder");
        using var stream = entry.Open();
        return JsonDocument.Parse(stream);
    }

    [Test]
    public void Descriptor_at_the_top_of_the_folder_describes_a_misc_plugin_for_4_90()
    {
        using var json = Descriptor();
        var root = json.RootElement;

        Assert.That(root.GetProperty("SystemName").GetString(), Is.EqualTo("Misc.OrderTouchpoints"));
        Assert.That(root.GetProperty("Group").GetString(), Is.EqualTo("Misc"));
        Assert.That(root.GetProperty("SupportedVersions").EnumerateArray().Select(v => v.GetString()), Does.Contain("4.90"));
        foreach (var field in new[] { "FriendlyName", "Version", "Author", "Description" })
            Assert.That(root.GetProperty(field).GetString(), Is.Not.Empty, field);
        Assert.That(root.GetProperty("DisplayOrder").GetInt32(), Is.GreaterThanOrEqualTo(0));
    }

    [Test]
    public void Descriptor_names_a_dll_that_is_in_the_folder()
    {
        using var json = Descriptor();

        Assert.That(Files, Does.Contain(Folder + json.RootElement.GetProperty("FileName").GetString()));
    }

    [Test]
    public void Holds_the_plugin_with_its_own_dependencies()
    {
        Assert.That(Files, Is.SupersetOf(PluginDependencies.Append("Nop.Plugin.Misc.OrderTouchpoints.dll").Select(f => Folder + f)));
    }

    [Test]
    public void Holds_the_logo()
    {
        Assert.That(Files, Does.Contain(Folder + "logo.png"));
    }

    [Test]
    public void Holds_the_views()
    {
        Assert.That(Files.Where(f => f.StartsWith(Folder + "Views/") && f.EndsWith(".cshtml")), Is.Not.Empty);
    }

    [Test]
    public void No_host_or_reference_assembly_is_inside()
    {
        var dlls = Files.Where(f => f.EndsWith(".dll")).Select(f => f[Folder.Length..]).ToList();
        var foreign = dlls.Except(PluginDependencies.Append("Nop.Plugin.Misc.OrderTouchpoints.dll")).ToList();
        Assert.That(foreign, Is.Empty, "only the plugin and its own NuGet dependencies may ship");
        Assert.That(dlls.Where(d => d.StartsWith("Nop.") && d != "Nop.Plugin.Misc.OrderTouchpoints.dll"), Is.Empty);
    }

    [Test]
    public void Plugin_binds_to_the_host_assemblies_by_name_at_a_version_the_host_satisfies()
    {
        using var stream = new MemoryStream();
        using (var dll = _zip.GetEntry(Folder + "Nop.Plugin.Misc.OrderTouchpoints.dll")!.Open())
            dll.CopyTo(stream);
        stream.Position = 0;
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h))
            .ToDictionary(r => metadata.GetString(r.Name), r => r.Version);

        Assert.That(references.Keys, Does.Contain("Nop.Core").And.Contain("Nop.Services"));
        foreach (var host in references.Where(r => r.Key.StartsWith("Nop.")))
            Assert.That(host.Value, Is.LessThanOrEqualTo(new Version(4, 90, 0, 0)), host.Key);
    }
}
