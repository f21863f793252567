using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;
using System.Linq.Expressions;
using System.Reflection;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Media;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;
using Nop.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Media;
using Nop.Services.Seo;

namespace Nop.Plugin.Misc.OrderTouchpoints.Benchmarks;

/// <summary>
/// A catalogue of any size behind fakes of nopCommerce's services. Products are made page by page when
/// the search asks for them (as a database would return them), so the catalogue itself holds nothing and
/// the measured memory is the feed's own. Each product: HTML description, two categories, a manufacturer,
/// two pictures, tracked stock, every third one discounted.
/// </summary>
public sealed class SyntheticCatalogue(int productCount)
{
    private const int CategoryCount = 120;
    private const int ManufacturerCount = 40;

    public VtMarketingFeedWriter CreateWriter()
    {
        var languages = Fake<ILanguageService>(
            ("GetLanguageByIdAsync", a => Task.FromResult(new Language { Id = (int)a[0]!, UniqueSeoCode = "it"})));
        var settings = Fake<ISettingService>(("LoadSettingAsync", _ => Task.FromResult(new LocalizationSettings())));
        var products = Fake<IProductService>(
            ("SearchProductsAsync", a => Task.FromResult<IPagedList<Product>>(Page((int)a[0]!, (int)a[1]!))),
            ("GetTotalStockQuantityAsync", a => Task.FromResult(((Product)a[0]!).StockQuantity)));
        var categories = Fake<ICategoryService>(
            ("GetProductCategoryIdsAsync", a => Task.FromResult<IDictionary<int, int[]>>(
                ((int[])a[0]!).ToDictionary(id => id, id => new[] { id % CategoryCount + 1, id * 7 % CategoryCount + 1 }))),
            ("GetCategoriesByIdsAsync", a => Task.FromResult<IList<Category>>(
                ((int[])a[0]!).Select(id => new Category { Id = id, Name = $"Category {id}", Published = true }).ToList())));
        var manufacturers = Fake<IManufacturerService>(
            ("GetProductManufacturerIdsAsync", a => Task.FromResult<IDictionary<int, int[]>>(
                ((int[])a[0]!).ToDictionary(id => id, id => new[] { id % ManufacturerCount + 1 }))),
            ("GetManufacturersByIdsAsync", a => Task.FromResult<IList<Manufacturer>>(
                ((int[])a[0]!).Select(id => new Manufacturer { Id = id, Name = $"Brand {id}", Published = true }).ToList())));
        var pictures = Fake<IPictureService>(
            ("GetPicturesByProductIdAsync", a => Task.FromResult<IList<Picture>>(
                [new Picture { Id = (int)a[0]! * 2 }, new Picture { Id = (int)a[0]! * 2 + 1 }])),
            ("GetPictureUrlAsync", a => Task.FromResult(($"{a[3]}images/thumbs/{((Picture)a[0]!).Id:0000000}_product.jpeg", (Picture)a[0]!))));
        var urls = Fake<IUrlRecordService>(("GetSeNameAsync", a => Task.FromResult($"product-{((BaseEntity)a[0]!).Id}")));
        var localization = Fake<ILocalizationService>(("GetLocalizedAsync", a => Task.FromResult(Localized(a[0]!, (LambdaExpression)a[1]!))));

        return new VtMarketingFeedWriter(
            new VtMarketingFeedStoreResolver(languages, settings),
            new VtMarketingFeedRowReader(products, Fake<IProductAttributeService>(), categories, manufacturers, pictures, urls, localization,
                new VtMarketingFeedColors(Fake<IProductAttributeService>(), Fake<IProductAttributeParser>(), Fake<ISpecificationAttributeService>(), localization),
                new VtMarketingFeedStock(products, Fake<IProductAttributeService>()),
                new VtMarketingFeedVariantPrices(Fake<IProductAttributeParser>(), products)));
    }

    private static TService Fake<TService>(params (string Method, Func<object?[], object?> Answer)[] answers) where TService : class =>
        FakeService<TService>.Create(answers.ToDictionary(a => a.Method, a => (Func<MethodInfo, object?[], object?>)((_, args) => a.Answer(args))));

    private static string Localized(object entity, LambdaExpression selector) =>
        (entity, ((MemberExpression)selector.Body).Member.Name) switch
        {
            (Product p, nameof(Product.Name)) => p.Name,
            (Product p, nameof(Product.ShortDescription)) => p.ShortDescription,
            (Product p, _) => p.FullDescription,
            (Category c, _) => c.Name,
            (Manufacturer m, _) => m.Name,
            _ => string.Empty
        };

    private PagedProducts Page(int pageIndex, int pageSize)
    {
        var first = pageIndex * pageSize + 1;
        var count = Math.Clamp(productCount - first + 1, 0, pageSize);
        var page = new PagedProducts(pageIndex, pageSize, productCount);
        for (var id = first; id < first + count; id++)
        {
            page.Add(new Product
            {
                Id = id,
                Name = $"Product {id} – \"special\" edition; 80 ml",
                Sku = $"SKU-{id:000000}",
                ShortDescription = $"<p>Product <b>{id}</b> in porcelain &amp; gold.</p><p>Dishwasher safe, stackable, made in Italy. Ref. {id}</p>",
                Price = 10m + id % 90,
                OldPrice = id % 3 == 0 ? 120m : 0m,
                StockQuantity = id % 50,
                ManageInventoryMethod = ManageInventoryMethod.ManageStock,
                Published = true,
                VisibleIndividually = true
            });
        }
        return page;
    }

    private sealed class PagedProducts(int pageIndex, int pageSize, int totalCount) : List<Product>, IPagedList<Product>
    {
        public int PageIndex => pageIndex;
        public int PageSize => pageSize;
        public int TotalCount => totalCount;
        public int TotalPages => (totalCount + pageSize - 1) / pageSize;
        public bool HasPreviousPage => pageIndex > 0;
        public bool HasNextPage => pageIndex + 1 < TotalPages;
    }
}
