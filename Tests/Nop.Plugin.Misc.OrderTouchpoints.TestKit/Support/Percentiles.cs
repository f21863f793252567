namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>The percentile every latency figure of the suites and benchmarks is given in.</summary>
public static class Percentiles
{
    /// <summary>The nearest-rank percentile (<paramref name="p"/> in 0-1) of values in any order; NaN for no values.</summary>
    public static double NearestRank(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
