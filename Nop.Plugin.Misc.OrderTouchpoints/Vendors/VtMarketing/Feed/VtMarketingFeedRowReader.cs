using System.Runtime.CompilerServices;
using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Services.Catalog;
using Nop.Services.Localization;
using Nop.Services.Media;
using Nop.Services.Seo;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

/// <summary>
/// Reads a store's catalogue page by page as feed rows; only one page of products is held at a time.
/// Rows: every published, non-deleted, individually visible product mapped to the store, as nopCommerce's
/// own product search finds it for a visitor (store mapping, ACL, availability dates applied), and after each
/// grouped product its associated products that are not visible individually (the search never returns those).
/// </summary>
public class VtMarketingFeedRowReader(
    IProductService productService,
    IProductAttributeService productAttributeService,
    ICategoryService categoryService,
    IManufacturerService manufacturerService,
    IPictureService pictureService,
    IUrlRecordService urlRecordService,
    ILocalizationService localizationService,
    VtMarketingFeedColors colors,
    VtMarketingFeedStock stock,
    VtMarketingFeedVariantPrices variantPrices)
{
    public const int PageSize = 500;

    public async IAsyncEnumerable<VtMarketingFeedRow> ReadAsync(
        VtMarketingFeedStore store, ProductIdSource idSource, FeedColorSource color, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var names = new FeedCatalogNames(categoryService, manufacturerService, localizationService, store.LanguageId);
        // The default order (display order, then id) is stable, so consecutive pages neither repeat nor skip products.
        for (var pageIndex = 0; ; pageIndex++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await productService.SearchProductsAsync(pageIndex: pageIndex, pageSize: PageSize,
                storeId: store.StoreId, visibleIndividuallyOnly: true);
            var productIds = page.Select(p => p.Id).ToArray();
            if (productIds.Length > 0)
            {
                var categoryIds = await categoryService.GetProductCategoryIdsAsync(productIds);
                var manufacturerIds = await manufacturerService.GetProductManufacturerIdsAsync(productIds);
                await names.LoadAsync(categoryIds.Values.SelectMany(ids => ids), manufacturerIds.Values.SelectMany(ids => ids));

                foreach (var product in page)
                {
                    // The search applies these already; a fork or search plugin must not put hidden products in the feed.
                    if (product.Deleted || !product.Published || !product.VisibleIndividually)
                        continue;
                    var (ids, titles) = names.Categories(Ids(categoryIds, product.Id));
                    var row = await ProductRowAsync(store, product, idSource, color, ids, titles, names.Brand(Ids(manufacturerIds, product.Id)));
                    yield return row;
                    if (idSource == ProductIdSource.Sku)
                    {
                        foreach (var variant in await VariantRowsAsync(product, row, color, store.LanguageId))
                            yield return variant;
                    }
                    if (product.ProductType != ProductType.GroupedProduct)
                        continue;
                    foreach (var child in await productService.GetAssociatedProductsAsync(product.Id, store.StoreId))
                    {
                        // Individually visible children are found by the search and listed on their own: skipping them
                        // here keeps ids unique. The service filters the rest already; a fork must not add hidden ones.
                        if (child.Deleted || !child.Published || child.VisibleIndividually)
                            continue;
                        var childRow = await AssociatedRowAsync(store, child, idSource, color, row);
                        yield return childRow;
                        if (idSource == ProductIdSource.Sku)
                        {
                            foreach (var variant in await VariantRowsAsync(child, childRow, color, store.LanguageId))
                                yield return variant;
                        }
                    }
                }
            }
            if (page.Count < PageSize)
                yield break;
        }
    }

    private static int[]? Ids(IDictionary<int, int[]> idsByProduct, int productId) =>
        idsByProduct.TryGetValue(productId, out var ids) ? ids : null;

    private async Task<VtMarketingFeedRow> ProductRowAsync(VtMarketingFeedStore store, Product product, ProductIdSource idSource,
        FeedColorSource color, IReadOnlyList<int> categoryIds, IReadOnlyList<string> categoryTitles, string brand)
    {
        var seName = await urlRecordService.GetSeNameAsync(product, store.LanguageId);
        var (price, discountPrice) = VtMarketingFeedPrice.From(product.Price, product.OldPrice);

        return new VtMarketingFeedRow(
            Id: VtMarketingProductIds.For(idSource, product.Id, product.Sku),
            Title: await TitleAsync(product, store.LanguageId),
            Url: store.ProductUrl(seName),
            CategoryIds: categoryIds,
            CategoryTitles: categoryTitles,
            Description: await DescriptionAsync(product, store.LanguageId),
            Price: price,
            DiscountPrice: discountPrice,
            Photos: await PhotoUrlsAsync(store, product.Id),
            Color: await colors.ForProductAsync(color, product.Id, store.LanguageId),
            Brand: brand,
            Stock: await stock.ForProductAsync(product),
            IsVariation: false);
    }

    /// <summary>
    /// An associated product of a grouped one: customers buy it as its own order line under its own id, so it needs a
    /// row (Main 1, a variation of the grouped product). Not visible individually, it has no page of its own: the URL,
    /// categories and brand are the grouped product's, as are the photos and description when it has none.
    /// </summary>
    private async Task<VtMarketingFeedRow> AssociatedRowAsync(VtMarketingFeedStore store, Product child, ProductIdSource idSource,
        FeedColorSource color, VtMarketingFeedRow parentRow)
    {
        var (price, discountPrice) = VtMarketingFeedPrice.From(child.Price, child.OldPrice);
        var description = await DescriptionAsync(child, store.LanguageId);
        var photos = await PhotoUrlsAsync(store, child.Id);
        return parentRow with
        {
            Id = VtMarketingProductIds.For(idSource, child.Id, child.Sku),
            Title = await TitleAsync(child, store.LanguageId),
            Description = description.Length > 0 ? description : parentRow.Description,
            Price = price,
            DiscountPrice = discountPrice,
            Photos = photos.Count > 0 ? photos : parentRow.Photos,
            Color = await colors.ForProductAsync(color, child.Id, store.LanguageId),
            Stock = await stock.ForProductAsync(child),
            IsVariation = true
        };
    }

    private async Task<string> TitleAsync(Product product, int languageId) =>
        HtmlText.SingleLine(await localizationService.GetLocalizedAsync(product, p => p.Name, languageId));

    private async Task<string> DescriptionAsync(Product product, int languageId)
    {
        var description = HtmlText.ToPlainText(await localizationService.GetLocalizedAsync(product, p => p.ShortDescription, languageId));
        return description.Length > 0
            ? description
            : HtmlText.ToPlainText(await localizationService.GetLocalizedAsync(product, p => p.FullDescription, languageId));
    }

    private async Task<IReadOnlyList<string>> PhotoUrlsAsync(VtMarketingFeedStore store, int productId)
    {
        var urls = new List<string>();
        foreach (var picture in await pictureService.GetPicturesByProductIdAsync(productId))
        {
            var (url, _) = await pictureService.GetPictureUrlAsync(picture, showDefaultPicture: false, storeLocation: store.BaseUrl);
            if (!string.IsNullOrWhiteSpace(url))
                urls.Add(store.Absolute(url));
        }
        return urls;
    }

    /// <summary>
    /// In SKU mode an order line carries its attribute combination's SKU, so each combination with its own
    /// SKU gets a row (Main 1, a variation) under that id; otherwise the ids of such orders would match no feed row.
    /// </summary>
    private async Task<IReadOnlyList<VtMarketingFeedRow>> VariantRowsAsync(Product product, VtMarketingFeedRow productRow, FeedColorSource color, int languageId)
    {
        // Ids are normalized (lower case, spaces → _), so SKUs that differ only in case or spacing are one product there.
        var seen = new HashSet<string>(StringComparer.Ordinal) { productRow.Id };
        var rows = new List<VtMarketingFeedRow>();
        foreach (var combination in await productAttributeService.GetAllProductAttributeCombinationsAsync(product.Id))
        {
            if (string.IsNullOrWhiteSpace(combination.Sku))
                continue;
            var id = VtMarketingProductIds.For(ProductIdSource.Sku, product.Id, combination.Sku);
            if (!seen.Add(id))
                continue;
            var (price, discountPrice) = await variantPrices.ForCombinationAsync(product, combination);
            rows.Add(productRow with
            {
                Id = id, Price = price, DiscountPrice = discountPrice, IsVariation = true,
                Stock = VtMarketingFeedStock.ForCombination(product, combination, productRow.Stock),
                Color = await colors.ForCombinationAsync(color, product.Id, combination.AttributesXml, languageId)
            });
        }
        return rows;
    }
}
