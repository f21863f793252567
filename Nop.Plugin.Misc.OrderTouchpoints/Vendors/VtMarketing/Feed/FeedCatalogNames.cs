using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Services.Catalog;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

/// <summary>
/// Localized category and manufacturer names for one feed run, loaded in batches per page of products.
/// A catalogue has few of them, so keeping them for the whole run costs little and saves a query per product.
/// </summary>
internal sealed class FeedCatalogNames(
    ICategoryService categoryService,
    IManufacturerService manufacturerService,
    ILocalizationService localizationService,
    int languageId)
{
    // null = unpublished or deleted: left out of the feed like the storefront leaves it out.
    private readonly Dictionary<int, string?> _categories = [];
    private readonly Dictionary<int, string?> _manufacturers = [];

    public async Task LoadAsync(IEnumerable<int> categoryIds, IEnumerable<int> manufacturerIds)
    {
        var newCategoryIds = Unknown(_categories, categoryIds);
        if (newCategoryIds.Length > 0)
        {
            foreach (var category in await categoryService.GetCategoriesByIdsAsync(newCategoryIds))
            {
                if (category.Published && !category.Deleted)
                    _categories[category.Id] = HtmlText.SingleLine(await localizationService.GetLocalizedAsync(category, c => c.Name, languageId));
            }
        }

        var newManufacturerIds = Unknown(_manufacturers, manufacturerIds);
        if (newManufacturerIds.Length > 0)
        {
            foreach (var manufacturer in await manufacturerService.GetManufacturersByIdsAsync(newManufacturerIds))
            {
                if (manufacturer.Published && !manufacturer.Deleted)
                    _manufacturers[manufacturer.Id] = HtmlText.SingleLine(await localizationService.GetLocalizedAsync(manufacturer, m => m.Name, languageId));
            }
        }
    }

    public (IReadOnlyList<int> Ids, IReadOnlyList<string> Titles) Categories(int[]? categoryIds)
    {
        var shown = (categoryIds ?? []).Distinct().Where(id => _categories.GetValueOrDefault(id) is not null).ToList();
        return (shown, shown.Select(id => _categories[id]!).ToList());
    }

    /// <summary>
    /// The first published manufacturer. nopCommerce's batch lookup returns mappings in database order, not
    /// by display order; products with several manufacturers are rare and a brand is one value anyway.
    /// </summary>
    public string Brand(int[]? manufacturerIds) =>
        (manufacturerIds ?? []).Select(id => _manufacturers.GetValueOrDefault(id)).FirstOrDefault(name => !string.IsNullOrEmpty(name)) ?? string.Empty;

    private static int[] Unknown(Dictionary<int, string?> known, IEnumerable<int> ids)
    {
        var unknown = ids.Where(id => !known.ContainsKey(id)).Distinct().ToArray();
        foreach (var id in unknown)
            known[id] = null;
        return unknown;
    }
}
