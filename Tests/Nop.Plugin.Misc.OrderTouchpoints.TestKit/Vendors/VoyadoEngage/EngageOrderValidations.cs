using System.Text.Json;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VoyadoEngage;

/// <summary>
/// Engage's three published order validations (docs/vendors.md §2.3), recomputed from the JSON numbers of a
/// received order body. A tenant can switch the first two on; the third always applies when taxes are given.
/// </summary>
public static class EngageOrderValidations
{
    /// <summary>How far a taxAmount may be from the exact formula: it is compared to the cent.</summary>
    public const decimal HalfCent = 0.005m;

    public sealed record Sums(decimal Items, decimal Freight, decimal Handling, decimal RoundOff, decimal Total, decimal ItemsTax, decimal FeesTax, decimal? TotalTax);

    public static Sums Read(JsonElement order)
    {
        var items = order.GetProperty("items").EnumerateArray().ToList();
        return new Sums(
            items.Sum(i => Number(i, "grossPaidPrice")),
            Fee(order, "freightFee", "value"),
            Fee(order, "handlingFee", "value"),
            Fee(order, "totalRoundOff", "value"),
            Number(order, "totalGrossPrice"),
            items.Sum(i => i.TryGetProperty("taxAmount", out var tax) && tax.ValueKind == JsonValueKind.Number ? tax.GetDecimal() : 0m),
            Fee(order, "freightFee", "tax") + Fee(order, "handlingFee", "tax"),
            order.TryGetProperty("totalTax", out var totalTax) && totalTax.ValueKind == JsonValueKind.Number ? totalTax.GetDecimal() : null);
    }

    /// <summary>Every validation the body fails, as readable sentences; empty when all three hold.</summary>
    public static IReadOnlyList<string> Failures(JsonElement order)
    {
        var failures = new List<string>();
        if (!order.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            return ["no items to validate"];
        Sums sums;
        try
        {
            sums = Read(order);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return [$"amounts cannot be read: {e.Message}"];
        }

        // 1. totalGrossPrice = Σ grossPaidPrice + freightFee.value + handlingFee.value (+ totalRoundOff.value); no discount term.
        var sum = sums.Items + sums.Freight + sums.Handling + sums.RoundOff;
        if (sum != sums.Total)
            failures.Add($"sum rule: items {sums.Items} + freight {sums.Freight} + handling {sums.Handling} + round-off {sums.RoundOff} = {sum}, totalGrossPrice {sums.Total}");

        // 2. totalTax = Σ items' taxAmount + the fees' tax.
        if (sums.TotalTax is { } totalTax && totalTax != sums.ItemsTax + sums.FeesTax)
            failures.Add($"totalTax rule: items' tax {sums.ItemsTax} + fees' tax {sums.FeesTax} = {sums.ItemsTax + sums.FeesTax}, totalTax {totalTax}");

        // 3. For every item with taxes: taxAmount = grossPaidPrice − grossPaidPrice / (1 + taxPercent/100), to the cent.
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var hasAmount = item.TryGetProperty("taxAmount", out var taxAmount);
            var hasPercent = item.TryGetProperty("taxPercent", out var taxPercent);
            if (hasAmount != hasPercent)
                failures.Add($"tax rule: item {index} has {(hasAmount ? "taxAmount without taxPercent" : "taxPercent without taxAmount")}");
            else if (hasAmount)
            {
                var gross = Number(item, "grossPaidPrice");
                var exact = gross - gross / (1m + taxPercent.GetDecimal() / 100m);
                if (Math.Abs(taxAmount.GetDecimal() - exact) > HalfCent)
                    failures.Add($"tax rule: item {index} grossPaidPrice {gross} at {taxPercent.GetDecimal()} % holds {decimal.Round(exact, 4)} tax, taxAmount {taxAmount.GetDecimal()}");
            }
            index++;
        }
        return failures;
    }

    private static decimal Number(JsonElement element, string name) => element.GetProperty(name).GetDecimal();

    private static decimal Fee(JsonElement order, string fee, string name) =>
        order.TryGetProperty(fee, out var element) && element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.GetDecimal()
            : 0m;
}
