namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

/// <summary>
/// Engage's sum rule has no discount term (docs/vendors.md §2.3, validation 1), so order-level discounts
/// (subtotal and order-total discounts, which nopCommerce keeps outside the line totals) are spread over the
/// lines pro rata to their gross amounts, each share in cents; the cents rounding leaves over go to the largest line.
/// </summary>
public static class VoyadoDiscountSpread
{
    /// <summary>Each line's share of <paramref name="discount"/> (both in cents-exact customer currency); never more than a line's gross.</summary>
    public static decimal[] Spread(decimal discount, IReadOnlyList<decimal> lineGross)
    {
        var shares = new decimal[lineGross.Count];
        var basis = lineGross.Where(g => g > 0m).Sum();
        if (discount <= 0m || basis <= 0m)
            return shares;
        // A discount larger than the lines (it also covered shipping) takes the lines to zero; the rest stays in the round-off.
        discount = Math.Min(discount, basis);
        for (var i = 0; i < shares.Length; i++)
            shares[i] = lineGross[i] > 0m ? Math.Round(discount * lineGross[i] / basis, 2, MidpointRounding.AwayFromZero) : 0m;

        var remainder = discount - shares.Sum();
        var order = Enumerable.Range(0, shares.Length).OrderByDescending(i => lineGross[i]).ThenBy(i => i).ToList();
        // The remainder is a few cents; it lands on the largest line, spilling to the next only if that line would go below zero.
        foreach (var i in order)
        {
            if (remainder == 0m)
                break;
            var adjusted = Math.Clamp(shares[i] + remainder, 0m, Math.Max(lineGross[i], 0m));
            remainder -= adjusted - shares[i];
            shares[i] = adjusted;
        }
        return shares;
    }
}
