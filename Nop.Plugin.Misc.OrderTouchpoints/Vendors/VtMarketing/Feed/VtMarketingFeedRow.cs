namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

/// <summary>One line of VTmarketing's product feed, before CSV formatting. Amounts are in the primary store currency.</summary>
/// <param name="Color">Always empty: nopCommerce has no colour field, and colour attributes are named freely per shop.</param>
/// <param name="Main">VTmarketing's "one row per product, or per variant": true for the product itself, false for a variant row.</param>
public sealed record VtMarketingFeedRow(
    string Id,
    string Title,
    string Url,
    IReadOnlyList<int> CategoryIds,
    IReadOnlyList<string> CategoryTitles,
    string Description,
    decimal Price,
    decimal DiscountPrice,
    IReadOnlyList<string> Photos,
    string Color,
    string Brand,
    int Stock,
    bool Main);
