namespace ReferenceChecker;

public sealed class UsageException(string message) : Exception(message);

/// <param name="ReferenceDirs">Folders whose sub-folders are reference assemblies (e.g. build/ref).</param>
/// <param name="SourceDirs">Source trees searched for the declarations of every reference assembly.</param>
/// <param name="AssemblySourceDirs">Source trees searched only for one reference assembly folder.</param>
/// <param name="SkipAssemblies">Reference assembly folders that are not checked at all.</param>
public sealed record CheckOptions(
    IReadOnlyList<string> ReferenceDirs,
    IReadOnlyList<string> SourceDirs,
    IReadOnlyDictionary<string, IReadOnlyList<string>> AssemblySourceDirs,
    IReadOnlySet<string> SkipAssemblies)
{
    public const string Usage = """
        usage: ReferenceChecker --ref <dir> [--ref <dir>]... [--with <Assembly>=<dir>]...
                                [--skip-assembly <Assembly>]... [<source dir>]...

          --ref <dir>                  reference root; each sub-folder is one assembly (e.g. build/ref)
          <source dir>                 source tree searched for the types of every reference assembly
          --with <Assembly>=<dir>      source tree searched for the types of that assembly folder only
          --skip-assembly <Assembly>   do not check that reference assembly folder

        Exit code: 0 no mismatch, 1 mismatches found, 2 usage error.
        """;

    public static CheckOptions Create(IEnumerable<string> referenceDirs, IEnumerable<string> sourceDirs) =>
        new(referenceDirs.ToList(), sourceDirs.ToList(),
            new Dictionary<string, IReadOnlyList<string>>(), new HashSet<string>());

    public static CheckOptions Parse(IReadOnlyList<string> args)
    {
        var references = new List<string>();
        var sources = new List<string>();
        var assemblySources = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var skip = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--ref":
                    references.Add(Value());
                    break;
                case "--with":
                    var pair = Value();
                    var split = pair.IndexOf('=');
                    if (split <= 0 || split == pair.Length - 1)
                        throw new UsageException($"--with expects <Assembly>=<dir>, got '{pair}'");
                    var assembly = pair[..split];
                    if (!assemblySources.TryGetValue(assembly, out var dirs))
                        assemblySources[assembly] = dirs = [];
                    dirs.Add(pair[(split + 1)..]);
                    break;
                case "--skip-assembly":
                    skip.Add(Value());
                    break;
                case var option when option.StartsWith('-'):
                    throw new UsageException($"unknown option {option}");
                default:
                    sources.Add(args[i]);
                    break;
            }
        }

        var options = new CheckOptions(references, sources,
            assemblySources.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value), skip);
        options.Validate();
        return options;
    }

    public void Validate()
    {
        if (ReferenceDirs.Count == 0)
            throw new UsageException("no reference folder given (--ref)");
        if (SourceDirs.Count == 0 && AssemblySourceDirs.Count == 0)
            throw new UsageException("no source folder given");
        foreach (var dir in ReferenceDirs.Concat(SourceDirs).Concat(AssemblySourceDirs.Values.SelectMany(d => d)))
            if (!Directory.Exists(dir))
                throw new UsageException($"folder not found: {dir}");
    }
}
