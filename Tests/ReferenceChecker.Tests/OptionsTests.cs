namespace ReferenceChecker.Tests;

public class OptionsTests
{
    private static TempTree ThirdPartyTree() => new TempTree()
        .Reference("Nop.Data/Repository.cs", "namespace Nop.Data; public partial interface IRepository { }")
        .Reference("linq2db/ITable.cs", """
            namespace LinqToDB;

            public partial interface ITable<T> where T : notnull
            {
                string TableName { get; }
            }
            """)
        .Source("nop/Nop.Data/Repository.cs", "namespace Nop.Data; public partial interface IRepository { }")
        .Source("linq2db/Source/LinqToDB/ITable.cs", """
            namespace LinqToDB
            {
                public interface ITable<out T> : IExpressionQuery<T> where T : notnull
                {
                    string TableName { get; }
                }
            }
            """);

    [Test]
    public void SkippedAssemblyIsCountedButNotChecked()
    {
        using var tree = ThirdPartyTree();
        var options = CheckOptions.Parse(
            ["--ref", tree.ReferenceDir, "--skip-assembly", "linq2db", Path.Combine(tree.SourceDir, "nop")]);

        var result = TempTree.Check(options);

        Assert.Multiple(() =>
        {
            Assert.That(result.Output, Is.EqualTo("""
                skipped assembly linq2db: 2 declarations not checked
                1 declarations checked, 0 mismatches

                """));
            Assert.That(result.ExitCode, Is.EqualTo(0));
        });
    }

    [Test]
    public void AssemblyWithoutSourcesReportsNotFound()
    {
        using var tree = ThirdPartyTree();
        var options = CheckOptions.Parse(["--ref", tree.ReferenceDir, Path.Combine(tree.SourceDir, "nop")]);

        var result = TempTree.Check(options);

        Assert.Multiple(() =>
        {
            Assert.That(result.Output, Is.EqualTo("""
                MISMATCH LinqToDB.ITable<T>
                  at: linq2db/ITable.cs:3
                  reason: type not found in source
                  reference: public interface ITable<T> where T : notnull
                  source: (none)

                3 declarations checked, 1 mismatches

                """));
            Assert.That(result.ExitCode, Is.EqualTo(1));
        });
    }

    [Test]
    public void WithSourcesOfOneAssemblyChecksIt()
    {
        using var tree = ThirdPartyTree();
        var options = CheckOptions.Parse([
            "--ref", tree.ReferenceDir,
            "--with", $"linq2db={Path.Combine(tree.SourceDir, "linq2db")}",
            Path.Combine(tree.SourceDir, "nop"),
        ]);

        var result = TempTree.Check(options);

        Assert.Multiple(() =>
        {
            Assert.That(result.Output, Is.EqualTo("""
                MISMATCH LinqToDB.ITable<T>
                  at: linq2db/ITable.cs:3
                  reason: type parameter T variance differs: reference (none), source out
                  reference: public interface ITable<T> where T : notnull
                  source: public interface ITable<out T> : IExpressionQuery<T> where T : notnull

                3 declarations checked, 1 mismatches

                """));
            Assert.That(result.ExitCode, Is.EqualTo(1));
        });
    }

    [TestCase(new string[0], "no reference folder given (--ref)")]
    [TestCase(new[] { "--ref", "." }, "no source folder given")]
    [TestCase(new[] { "--ref", ".", "--with", "linq2db", "." }, "--with expects <Assembly>=<dir>, got 'linq2db'")]
    [TestCase(new[] { "--ref", ".", "--verbose", "." }, "unknown option --verbose")]
    [TestCase(new[] { "--ref", "/no/such/folder", "." }, "folder not found: /no/such/folder")]
    [TestCase(new[] { "--ref" }, "--ref needs a value")]
    public void InvalidArgumentsAreUsageErrors(string[] args, string message)
    {
        var error = Assert.Throws<UsageException>(() => CheckOptions.Parse(args));

        Assert.That(error!.Message, Is.EqualTo(message));
    }

    [Test]
    public void RunReportsMissingFolderAsUsageError()
    {
        var output = new StringWriter();

        var exitCode = ReferenceCheck.Run(["/no/such/ref"], ["."], output);

        Assert.Multiple(() =>
        {
            Assert.That(output.ToString(), Is.EqualTo("error: folder not found: /no/such/ref\n"));
            Assert.That(exitCode, Is.EqualTo(2));
        });
    }
}
