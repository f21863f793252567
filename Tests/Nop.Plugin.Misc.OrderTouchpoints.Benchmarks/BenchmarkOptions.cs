namespace Nop.Plugin.Misc.OrderTouchpoints.Benchmarks;

/// <param name="Quick">A smaller run (a tenth of the work) for a fast look; metric names say the size used.</param>
/// <param name="Only">Benchmark names to run; empty = all.</param>
public sealed record BenchmarkOptions(bool Quick, IReadOnlySet<string> Only)
{
    public static BenchmarkOptions Parse(string[] args) => new(
        args.Contains("--quick"),
        args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase));

    public bool Selects(IBenchmark benchmark) => Only.Count == 0 || Only.Contains(benchmark.Name);
}
