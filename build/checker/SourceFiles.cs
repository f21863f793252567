using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReferenceChecker;

/// <param name="DisplayPath">Path relative to the folder it was found under, for messages.</param>
/// <param name="Project">Name of the nearest enclosing .csproj, i.e. the assembly it compiles into, if any.</param>
public sealed record ParsedFile(string DisplayPath, CompilationUnitSyntax Root, string? Project)
{
    public string Location(SyntaxNode node) =>
        $"{DisplayPath}:{node.SyntaxTree.GetLineSpan(node.Span).StartLinePosition.Line + 1}";
}

public static class SourceFiles
{
    private static readonly HashSet<string> IgnoredDirectories =
        new(["bin", "obj", ".git", ".vs", "node_modules"], StringComparer.OrdinalIgnoreCase);

    private static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Preview, DocumentationMode.None);

    public static IEnumerable<string> Enumerate(string root)
    {
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.cs"))
                yield return file;
            foreach (var child in Directory.EnumerateDirectories(directory))
                if (!IgnoredDirectories.Contains(Path.GetFileName(child)))
                    pending.Push(child);
        }
    }

    /// <summary>Parses files in parallel; the result keeps the input order so reports are deterministic.</summary>
    public static IReadOnlyList<ParsedFile> Parse(IReadOnlyList<string> paths, string root)
    {
        var projects = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
        var result = new ParsedFile[paths.Count];
        Parallel.For(0, paths.Count, i =>
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(paths[i]), ParseOptions, paths[i]);
            result[i] = new ParsedFile(
                Path.GetRelativePath(root, paths[i]),
                (CompilationUnitSyntax)tree.GetRoot(),
                ProjectOf(Path.GetDirectoryName(paths[i])!, Path.GetFullPath(root), projects));
        });
        return result;
    }

    private static string? ProjectOf(string directory, string root, ConcurrentDictionary<string, string?> cache)
    {
        if (cache.TryGetValue(directory, out var known))
            return known;
        var project = Directory.EnumerateFiles(directory, "*.csproj").FirstOrDefault() is { } csproj
            ? Path.GetFileNameWithoutExtension(csproj)
            : Path.GetFullPath(directory).Length > root.Length && Path.GetDirectoryName(directory) is { } parent
                ? ProjectOf(parent, root, cache)
                : null;
        return cache[directory] = project;
    }
}
