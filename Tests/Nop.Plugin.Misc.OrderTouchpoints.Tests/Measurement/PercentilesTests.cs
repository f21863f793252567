using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Measurement;

public class PercentilesTests
{
    [Test]
    public void The_percentile_is_the_nearest_rank_of_values_in_any_order()
    {
        double[] values = [40, 10, 30, 20];

        Assert.Multiple(() =>
        {
            Assert.That(Percentiles.NearestRank(values, 0.5), Is.EqualTo(20));
            Assert.That(Percentiles.NearestRank(values, 0.99), Is.EqualTo(40));
            Assert.That(Percentiles.NearestRank(values, 0.0), Is.EqualTo(10));
            Assert.That(Percentiles.NearestRank([], 0.5), Is.NaN);
        });
    }
}
