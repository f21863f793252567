namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>
/// Engage's tax rule (docs/vendors.md §2.3, validation 3): taxAmount = grossPaidPrice − grossPaidPrice / (1 + taxPercent/100)
/// to the cent. nopCommerce keeps no rate per line, only the order's rates (<c>Order.TaxRates</c>) and each line's
/// totals with and without tax; rounded totals give a rate off by a little (16.39 → 20.00 reads as 22.03 %), so the
/// line's rate is the recorded rate nearest to that reading, and the tax amount is computed from it, never the reverse.
/// </summary>
public static class VoyadoTaxMath
{
    /// <summary>The line's tax rate in percent, or null when it cannot be told (free or negative lines).</summary>
    public static decimal? RateOf(decimal inclTax, decimal exclTax, IReadOnlyList<decimal> recordedRates)
    {
        if (exclTax <= 0m || inclTax < exclTax)
            return null;
        if (inclTax == exclTax)
            return 0m;
        var reading = (inclTax - exclTax) / exclTax * 100m;
        var positive = recordedRates.Where(rate => rate > 0m).ToList();
        return positive.Count > 0
            ? positive.MinBy(rate => Math.Abs(rate - reading))
            : Math.Round(reading, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The tax inside a gross amount at the given rate, to the cent (half away from zero).</summary>
    public static decimal TaxIn(decimal gross, decimal ratePercent) =>
        Math.Round(gross - gross / (1m + ratePercent / 100m), 2, MidpointRounding.AwayFromZero) + 0.00m;
}
