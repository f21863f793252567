namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>A difference of a latency percentile between two sides and how far the run's own spread leaves it open.</summary>
public sealed record PercentileDifference(double Estimate, double Low, double High)
{
    /// <summary>True when the whole interval is at most <paramref name="bound"/>; false when all of it is above.</summary>
    public bool? IsWithin(double bound) => High <= bound ? true : Low > bound ? false : null;
}

/// <summary>
/// Latency figures of a load run whose rounds ran in pairs (one round each way, one after the other on the same store).
/// Rounds of a run differ by more than the plugin's share (the store's garbage collector, its caches, the machine), so a
/// difference is given with a bootstrap interval: the pairs are drawn again with replacement, the percentile of each side
/// is taken over the drawn pairs' orders, and the middle 90 % of those differences is the interval.
/// </summary>
public static class RoundPairs
{
    private const int Resamples = 2000;

    /// <summary>The nearest-rank percentile (<paramref name="p"/> in 0-1); NaN for no values.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>
    /// The <paramref name="p"/> percentile of the second side less that of the first over all pairs, with its 90 % interval.
    /// A fixed seed: the same figures give the same interval.
    /// </summary>
    public static PercentileDifference Difference(IReadOnlyList<(IReadOnlyList<double> First, IReadOnlyList<double> Second)> pairs, double p,
        int seed = 20)
    {
        if (pairs.Count == 0)
            return new PercentileDifference(double.NaN, double.NaN, double.NaN);
        double DifferenceOf(IEnumerable<int> drawn)
        {
            var indices = drawn.ToList();
            return Percentile(indices.SelectMany(i => pairs[i].Second), p) - Percentile(indices.SelectMany(i => pairs[i].First), p);
        }

        var random = new Random(seed);
        var differences = Enumerable.Range(0, Resamples)
            .Select(_ => DifferenceOf(Enumerable.Range(0, pairs.Count).Select(_ => random.Next(pairs.Count))))
            .ToList();
        return new PercentileDifference(DifferenceOf(Enumerable.Range(0, pairs.Count)), Percentile(differences, 0.05), Percentile(differences, 0.95));
    }
}
