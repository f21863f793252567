namespace Nop.Plugin.Misc.OrderTouchpoints.Benchmarks;

/// <summary>One measurement; prints its results as "METRIC &lt;name&gt; &lt;value&gt; &lt;unit&gt;" lines.</summary>
public interface IBenchmark
{
    /// <summary>Short name to run it alone: build/bench.sh &lt;name&gt;.</summary>
    string Name { get; }

    Task RunAsync(BenchmarkOptions options, BenchmarkReport report);
}
