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

    /// <summary>
    /// Fewer pairs give no interval: two pairs can be drawn in only three ways, so their "interval" is as narrow as it is
    /// meaningless. Six can be drawn in 462.
    /// </summary>
    public const int MinimumPairs = 6;

    // Fixed: the same figures give the same interval.
    private const int Seed = 20;

    /// <summary>
    /// The <paramref name="p"/> percentile (<see cref="Percentiles.NearestRank"/>) of the second side less that of the first
    /// over all pairs, with its 90 % interval (NaN below <see cref="MinimumPairs"/>, which leaves every bound undecided).
    /// </summary>
    public static PercentileDifference Difference(IReadOnlyList<(IReadOnlyList<double> First, IReadOnlyList<double> Second)> pairs, double p)
    {
        if (pairs.Count == 0)
            return new PercentileDifference(double.NaN, double.NaN, double.NaN);
        double DifferenceOf(IEnumerable<int> drawn)
        {
            var indices = drawn.ToList();
            return Percentiles.NearestRank(indices.SelectMany(i => pairs[i].Second), p) - Percentiles.NearestRank(indices.SelectMany(i => pairs[i].First), p);
        }

        var estimate = DifferenceOf(Enumerable.Range(0, pairs.Count));
        if (pairs.Count < MinimumPairs)
            return new PercentileDifference(estimate, double.NaN, double.NaN);
        var random = new Random(Seed);
        var differences = Enumerable.Range(0, Resamples)
            .Select(_ => DifferenceOf(Enumerable.Range(0, pairs.Count).Select(_ => random.Next(pairs.Count))))
            .ToList();
        return new PercentileDifference(estimate, Percentiles.NearestRank(differences, 0.05), Percentiles.NearestRank(differences, 0.95));
    }
}
