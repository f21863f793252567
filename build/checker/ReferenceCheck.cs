namespace ReferenceChecker;

/// <summary>Entry point usable in-process: parses both sides, checks every reference declaration, reports.</summary>
public static class ReferenceCheck
{
    public const int Success = 0;
    public const int MismatchesFound = 1;
    public const int UsageError = 2;

    public static int Run(IReadOnlyList<string> referenceDirs, IReadOnlyList<string> sourceDirs, TextWriter output) =>
        Run(CheckOptions.Create(referenceDirs, sourceDirs), output);

    public static int Run(CheckOptions options, TextWriter output)
    {
        try
        {
            options.Validate();
        }
        catch (UsageException e)
        {
            output.WriteLine($"error: {e.Message}");
            return UsageError;
        }

        var reference = new DeclarationIndex();
        foreach (var root in options.ReferenceDirs)
            foreach (var file in Parse(root))
                reference.Add(file, AssemblyFolder(file.DisplayPath));

        var source = new DeclarationIndex();
        var sourceRoots = options.SourceDirs.Select(dir => (dir, group: ""))
            .Concat(options.AssemblySourceDirs.SelectMany(p => p.Value.Select(dir => (dir, group: p.Key))));
        foreach (var (dir, group) in sourceRoots)
            foreach (var file in Parse(dir))
                source.Add(file, group);

        var valueTypes = reference.ValueTypeNames.Union(source.ValueTypeNames).ToHashSet(StringComparer.Ordinal);
        var checker = new TypeChecker(reference, source, new ModelBuilder(new SyntaxNormalizer(valueTypes)));
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var (declarations, mismatches) = (0, 0);

        foreach (var key in reference.Keys.Where(checker.IsSurface))
        {
            foreach (var assembly in reference.Get(key).GroupBy(d => d.Group))
            {
                if (options.SkipAssemblies.Contains(assembly.Key))
                {
                    skipped[assembly.Key] = skipped.GetValueOrDefault(assembly.Key) + checker.Count(key, [.. assembly]);
                    continue;
                }
                var found = new List<Mismatch>();
                declarations += checker.Check(key, [.. assembly], assembly.Key, found);
                foreach (var mismatch in found)
                    mismatch.WriteTo(output);
                mismatches += found.Count;
            }
        }

        foreach (var (assembly, count) in skipped)
            output.WriteLine($"skipped assembly {assembly}: {count} declarations not checked");
        output.WriteLine($"{declarations} declarations checked, {mismatches} mismatches");
        return mismatches == 0 ? Success : MismatchesFound;
    }

    private static IReadOnlyList<ParsedFile> Parse(string root) =>
        SourceFiles.Parse(SourceFiles.Enumerate(root).Order(StringComparer.Ordinal).ToList(), root);

    /// <summary>The first folder below the reference root names the assembly.</summary>
    private static string AssemblyFolder(string relativePath)
    {
        var separator = relativePath.IndexOfAny(['/', '\\']);
        return separator < 0 ? "" : relativePath[..separator];
    }
}
