using ReferenceChecker;

namespace ReferenceChecker.Tests;

/// <summary>A throw-away reference folder and source folder, filled from strings by a test.</summary>
internal sealed class TempTree : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("reference-checker-").FullName;

    public string ReferenceDir => Path.Combine(Root, "ref");

    public string SourceDir => Path.Combine(Root, "src");

    public TempTree Reference(string relativePath, string code) => Write(ReferenceDir, relativePath, code);

    public TempTree Source(string relativePath, string code) => Write(SourceDir, relativePath, code);

    public CheckResult Check() => Check(CheckOptions.Create([ReferenceDir], [SourceDir]));

    public static CheckResult Check(CheckOptions options)
    {
        var output = new StringWriter();
        var exitCode = ReferenceCheck.Run(options, output);
        return new CheckResult(exitCode, output.ToString());
    }

    public TempTree Write(string root, string relativePath, string code)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, code);
        return this;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

internal sealed record CheckResult(int ExitCode, string Output);
