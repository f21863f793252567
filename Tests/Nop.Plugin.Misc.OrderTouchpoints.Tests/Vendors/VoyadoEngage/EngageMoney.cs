using System.Text.Json;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;

/// <summary>Engage's sum check on a received order body, recomputed from the JSON numbers themselves.</summary>
public static class EngageMoney
{
    public sealed record Parts(decimal Items, decimal Freight, decimal Handling, decimal Discounts, decimal RoundOff, decimal Total);

    public static Parts Read(JsonElement order) => new(
        order.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("grossPaidPrice").GetDecimal()),
        order.TryGetProperty("freightFee", out var freight) ? freight.GetProperty("value").GetDecimal() : 0m,
        order.TryGetProperty("handlingFee", out var handling) ? handling.GetProperty("value").GetDecimal() : 0m,
        order.TryGetProperty("totalDiscounts", out var discounts) ? discounts.GetDecimal() : 0m,
        order.TryGetProperty("totalRoundOff", out var roundOff) ? roundOff.GetProperty("value").GetDecimal() : 0m,
        order.GetProperty("totalGrossPrice").GetDecimal());

    /// <summary>Σ items.grossPaidPrice + freight + handling − totalDiscounts + roundOff = totalGrossPrice, exactly, every amount at 2 decimals.</summary>
    public static Parts AssertEquationHolds(JsonElement order, string because = "")
    {
        var parts = Read(order);
        foreach (var amount in new[] { parts.Items, parts.Freight, parts.Handling, parts.Discounts, parts.RoundOff, parts.Total })
            Assert.That(decimal.Round(amount, 2), Is.EqualTo(amount), $"{because}: {amount} has more than 2 decimals");
        Assert.That(parts.Items + parts.Freight + parts.Handling - parts.Discounts + parts.RoundOff, Is.EqualTo(parts.Total),
            $"{because}: {parts} does not add up");
        return parts;
    }
}
