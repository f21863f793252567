using System.Text.Json;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;

/// <summary>Engage's three published validations on a received order body, as test assertions.</summary>
public static class EngageMoney
{
    /// <summary>All three validations hold and every amount has at most 2 decimals; returns the sums for further checks.</summary>
    public static EngageOrderValidations.Sums AssertValidationsHold(JsonElement order, string because = "")
    {
        var sums = EngageOrderValidations.Read(order);
        foreach (var amount in new[] { sums.Items, sums.Freight, sums.Handling, sums.RoundOff, sums.Total, sums.ItemsTax, sums.FeesTax })
            Assert.That(decimal.Round(amount, 2), Is.EqualTo(amount), $"{because}: {amount} has more than 2 decimals");
        Assert.That(EngageOrderValidations.Failures(order), Is.Empty, because);
        return sums;
    }
}
