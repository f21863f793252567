namespace ReferenceChecker;

/// <param name="Name">Full name of the reference declaration.</param>
/// <param name="Location">Where the reference declares it, relative to its reference root.</param>
/// <param name="Sources">Signatures of the source counterpart(s), or of the closest candidates.</param>
public sealed record Mismatch(
    string Name, string Location, IReadOnlyList<string> Reasons, string Reference, IReadOnlyList<string> Sources)
{
    public void WriteTo(TextWriter output)
    {
        output.WriteLine($"MISMATCH {Name}");
        output.WriteLine($"  at: {Location}");
        foreach (var reason in Reasons)
            output.WriteLine($"  reason: {reason}");
        output.WriteLine($"  reference: {Reference}");
        foreach (var source in Sources.DefaultIfEmpty("(none)"))
            output.WriteLine($"  source: {source}");
        output.WriteLine();
    }
}
