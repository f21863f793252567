using System.Globalization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>nopCommerce's <c>Order.TaxRates</c> text ("22:10.12;10:1.50;", rate:amount, invariant culture), both ways.</summary>
public static class TaxRateText
{
    public static SortedDictionary<decimal, decimal> Parse(string? text)
    {
        var rates = new SortedDictionary<decimal, decimal>();
        foreach (var entry in (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(':');
            if (parts.Length == 2
                && decimal.TryParse(parts[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var rate)
                && decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
                rates[rate] = amount;
        }
        return rates;
    }

    public static string Format(IEnumerable<KeyValuePair<decimal, decimal>> rates) =>
        string.Concat(rates.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key}:{r.Value};")));
}
