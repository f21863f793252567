namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

/// <summary>One line of VTmarketing's product feed, before CSV formatting. Amounts are in the primary store currency.</summary>
/// <param name="Color">From the attribute the store owner picked (<see cref="FeedColorSource"/>); empty when none is picked.</param>
/// <param name="IsVariation">
/// The <c>Main</c> column. VTmarketing does not define it; its feed example ends a simple product's row with 0 and a
/// variation's row with 1, so a product's own row writes 0, and an attribute-combination row or a grouped product's
/// associated product 1.
/// </param>
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
    bool IsVariation);
