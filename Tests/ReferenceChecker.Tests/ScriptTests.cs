using System.Diagnostics;

namespace ReferenceChecker.Tests;

/// <summary>Runs build/check-reference.sh as a user would, to prove the wrapper builds and calls the checker.</summary>
public class ScriptTests
{
    private static readonly string Script = Path.Combine(RepositoryRoot(), "build", "check-reference.sh");

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "build", "check-reference.sh")))
                return dir.FullName;
        throw new InvalidOperationException("build/check-reference.sh not found above the test output folder");
    }

    private static (int ExitCode, string Output, string Error) RunScript(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            process.Kill(entireProcessTree: true);
        return (process.ExitCode, output, error.Result);
    }

    [Test]
    public void ScriptChecksMatchingFixture()
    {
        var (exitCode, output, error) = RunScript(
            "--ref", Path.Combine(Fixture("Matching"), "ref"), Path.Combine(Fixture("Matching"), "src"));

        Assert.Multiple(() =>
        {
            Assert.That(output, Is.EqualTo("52 declarations checked, 0 mismatches\n"), error);
            Assert.That(exitCode, Is.EqualTo(0));
        });
    }

    [Test]
    public void ScriptSkipsThirdPartyAssembliesByDefaultAndReportsMismatches()
    {
        using var tree = new TempTree()
            .Reference("Nop.Core/Store.cs", "namespace Nop.Core; public partial interface IStore { int Id { get; } }")
            .Reference("linq2db/ITable.cs", "namespace LinqToDB; public partial interface ITable<T> { }")
            .Reference("FluentMigrator/Migration.cs", "namespace FluentMigrator; public abstract class Migration { }")
            .Source("Nop.Core/Store.cs", "namespace Nop.Core; public partial interface IStore { long Id { get; } }");

        var (exitCode, output, error) = RunScript("--ref", tree.ReferenceDir, tree.SourceDir);

        Assert.Multiple(() =>
        {
            Assert.That(output, Is.EqualTo("""
                MISMATCH Nop.Core.IStore.Id
                  at: Nop.Core/Store.cs:1
                  reason: type differs: reference int, source long
                  reference: int Id { get; }
                  source: long Id { get; }

                skipped assembly FluentMigrator: 2 declarations not checked
                skipped assembly linq2db: 1 declarations not checked
                2 declarations checked, 1 mismatches

                """), error);
            Assert.That(exitCode, Is.EqualTo(1));
        });
    }

    [Test]
    public void ScriptWithoutSourceFolderIsUsageError()
    {
        var (exitCode, _, error) = RunScript();

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(error, Does.Contain("usage: build/check-reference.sh"));
        });
    }
}
