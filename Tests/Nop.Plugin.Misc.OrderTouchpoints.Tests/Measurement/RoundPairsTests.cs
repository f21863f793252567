using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Measurement;

/// <summary>The store-load benchmark's verdict on a latency target rests on these figures.</summary>
public class RoundPairsTests
{
    private static (IReadOnlyList<double>, IReadOnlyList<double>) Pair(double[] first, double[] second) => (first, second);

    [Test]
    public void A_shift_every_pair_shows_is_the_estimate_and_the_whole_interval()
    {
        var pairs = Enumerable.Range(0, 6)
            .Select(round => Pair([300 + round, 320 + round, 340 + round], [330 + round, 350 + round, 370 + round]))
            .ToList();

        var difference = RoundPairs.Difference(pairs, 0.5);

        Assert.That(difference, Is.EqualTo(new PercentileDifference(30, 30, 30)));
        Assert.That(difference.IsWithin(10), Is.False);
        Assert.That(difference.IsWithin(30), Is.True);
    }

    [Test]
    public void Pairs_that_disagree_leave_the_bound_undecided()
    {
        // Half the pairs show the second side 40 ms slower, half 20 ms faster: the pooled median moves, the pairs do not agree.
        var pairs = Enumerable.Range(0, 8)
            .Select(round => round % 2 == 0
                ? Pair([300, 310, 320], [340, 350, 360])
                : Pair([400, 410, 420], [380, 390, 400]))
            .ToList();

        var difference = RoundPairs.Difference(pairs, 0.5);

        Assert.Multiple(() =>
        {
            Assert.That(difference.Low, Is.LessThanOrEqualTo(difference.Estimate));
            Assert.That(difference.High, Is.GreaterThanOrEqualTo(difference.Estimate));
            Assert.That(difference.Low, Is.LessThan(10));
            Assert.That(difference.High, Is.GreaterThan(10));
            Assert.That(difference.IsWithin(10), Is.Null);
        });
    }

    [Test]
    public void The_same_figures_give_the_same_interval()
    {
        var pairs = Enumerable.Range(0, 8)
            .Select(round => Pair([300 + 7 * round, 330, 350 - round], [310 + round * round, 345, 360]))
            .ToList();

        Assert.That(RoundPairs.Difference(pairs, 0.99), Is.EqualTo(RoundPairs.Difference(pairs, 0.99)));
    }

    [Test]
    public void Too_few_pairs_give_the_estimate_but_no_interval_and_no_verdict()
    {
        // Every pair shows the second side 30 ms slower, yet so few pairs are too few to say how far the rounds spread.
        var pairs = Enumerable.Range(0, RoundPairs.MinimumPairs - 1)
            .Select(round => Pair([300 + round, 320 + round, 340 + round], [330 + round, 350 + round, 370 + round]))
            .ToList();

        var difference = RoundPairs.Difference(pairs, 0.5);

        Assert.Multiple(() =>
        {
            Assert.That(difference.Estimate, Is.EqualTo(30));
            Assert.That(difference.Low, Is.NaN);
            Assert.That(difference.High, Is.NaN);
            Assert.That(difference.IsWithin(10), Is.Null);
            Assert.That(difference.IsWithin(100), Is.Null);
        });
    }

    [Test]
    public void No_pairs_give_no_figure()
    {
        var difference = RoundPairs.Difference([], 0.5);

        Assert.Multiple(() =>
        {
            Assert.That(difference.Estimate, Is.NaN);
            Assert.That(difference.IsWithin(10), Is.Null);
        });
    }
}
