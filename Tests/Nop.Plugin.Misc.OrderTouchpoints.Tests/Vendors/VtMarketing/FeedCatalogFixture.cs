using System.Linq.Expressions;
using System.Text;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Media;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;
using Nop.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Services.Media;
using Nop.Services.Seo;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

/// <summary>
/// The sample shop's catalogue side behind Moq mocks: product search that behaves like nopCommerce's
/// (published, not deleted, individually visible, store mapping, stable order, paging), a grouped product's
/// associated products (published, not deleted, store mapping, by id), categories,
/// manufacturers, pictures, slugs, localized texts and per-store settings.
/// </summary>
public sealed class FeedCatalogFixture
{
    public ShopFixture Shop { get; }
    public List<Category> Categories { get; } = [];
    public List<Manufacturer> Manufacturers { get; } = [];
    public List<(int ProductId, int CategoryId)> ProductCategories { get; } = [];
    public List<(int ProductId, int ManufacturerId)> ProductManufacturers { get; } = [];
    public List<(int ProductId, Picture Picture, string SeoFilename)> Pictures { get; } = [];
    /// <summary>productId → the stores it is limited to; products without an entry are in every store.</summary>
    public Dictionary<int, int[]> StoreMappings { get; } = [];
    /// <summary>(entity type name, id, property, language) → localized value.</summary>
    public Dictionary<(string, int, string, int), string> Localized { get; } = [];
    /// <summary>(productId, languageId) → slug; else the product name lower-cased with dashes.</summary>
    public Dictionary<(int, int), string> Slugs { get; } = [];
    public Dictionary<int, OrderTouchpointsVtMarketingSettings> VtSettings { get; } = [];
    public Dictionary<int, LocalizationSettings> LocalizationSettings { get; } = [];
    /// <summary>nopCommerce's MediaSettings.UseAbsoluteImagePath: off → picture URLs are site-relative.</summary>
    public bool AbsolutePictureUrls { get; set; } = true;
    public List<(int PageIndex, int PageSize, int StoreId, bool VisibleIndividuallyOnly, bool ShowHidden)> Searches { get; } = [];
    /// <summary>(grouped product id, associated product id): nopCommerce's Product.ParentGroupedProductId.</summary>
    public List<(int ParentId, int ChildId)> AssociatedProducts { get; } = [];
    public List<(int ParentId, int StoreId, bool ShowHidden)> AssociatedSearches { get; } = [];
    /// <summary>
    /// productId → its stock across warehouses less what is reserved, for products that use multiple warehouses
    /// (nopCommerce's Product.UseMultipleWarehouses); other tracked products have their StockQuantity.
    /// </summary>
    public Dictionary<int, int> WarehouseStock { get; } = [];

    public Mock<ICategoryService> CategoryService { get; } = new();
    public Mock<IManufacturerService> ManufacturerService { get; } = new();
    public Mock<IPictureService> PictureService { get; } = new();
    public Mock<IUrlRecordService> UrlRecordService { get; } = new();
    public Mock<IProductAttributeService> AttributeService { get; } = new();
    public Mock<ISettingService> SettingService { get; } = new();
    public Mock<ISpecificationAttributeService> SpecificationService { get; } = new();
    /// <summary>Product attribute mappings: (mapping id, product id, product attribute id) and the values each offers.</summary>
    public List<(ProductAttributeMapping Mapping, int ProductId, ProductAttributeValue[] Values)> AttributeMappings { get; } = [];
    /// <summary>productId → specification attribute options it shows.</summary>
    public List<(int ProductId, SpecificationAttributeOption Option)> ProductSpecifications { get; } = [];

    public FeedCatalogFixture(ShopFixture shop)
    {
        Shop = shop;
        shop.ProductService.Setup(s => s.SearchProductsAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<IList<int>>(), It.IsAny<IList<int>>(),
                It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<ProductType?>(), It.IsAny<bool>(), It.IsAny<bool>(),
                It.IsAny<decimal?>(), It.IsAny<decimal?>(), It.IsAny<int>(), It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<bool>(),
                It.IsAny<bool>(), It.IsAny<bool>(), It.IsAny<int>(), It.IsAny<IList<SpecificationAttributeOption>>(),
                It.IsAny<ProductSortingEnum>(), It.IsAny<bool>(), It.IsAny<bool?>(), It.IsAny<bool>(), It.IsAny<bool>()))
            .Returns(new InvocationFunc(invocation => Task.FromResult(Search(invocation.Arguments))));
        shop.ProductService.Setup(s => s.GetAssociatedProductsAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool>()))
            .ReturnsAsync((int parentId, int storeId, int _, bool showHidden) => Associated(parentId, storeId, showHidden));
        shop.ProductService.Setup(s => s.GetTotalStockQuantityAsync(It.IsAny<Product>(), It.IsAny<bool>(), It.IsAny<int>()))
            .ReturnsAsync((Product product, bool _, int _) => TotalStock(product));
        // Like nopCommerce's, it finds deleted products too.
        shop.ProductService.Setup(s => s.GetProductByIdAsync(It.IsAny<int>()))
            .ReturnsAsync((int id) => shop.Products.FirstOrDefault(p => p.Id == id)!);
        CategoryService.Setup(s => s.GetProductCategoryIdsAsync(It.IsAny<int[]>())).ReturnsAsync((int[] ids) => Group(ProductCategories, ids));
        CategoryService.Setup(s => s.GetCategoriesByIdsAsync(It.IsAny<int[]>()))
            .ReturnsAsync((int[] ids) => Categories.Where(c => ids.Contains(c.Id) && !c.Deleted).ToList());
        ManufacturerService.Setup(s => s.GetProductManufacturerIdsAsync(It.IsAny<int[]>())).ReturnsAsync((int[] ids) => Group(ProductManufacturers, ids));
        ManufacturerService.Setup(s => s.GetManufacturersByIdsAsync(It.IsAny<int[]>()))
            .ReturnsAsync((int[] ids) => Manufacturers.Where(m => ids.Contains(m.Id) && !m.Deleted).ToList());
        PictureService.Setup(s => s.GetPicturesByProductIdAsync(It.IsAny<int>(), It.IsAny<int>()))
            .ReturnsAsync((int productId, int _) => Pictures.Where(p => p.ProductId == productId).Select(p => p.Picture).ToList());
        PictureService.Setup(s => s.GetPictureUrlAsync(It.IsAny<Picture>(), It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<string>(), It.IsAny<PictureType>()))
            .ReturnsAsync((Picture picture, int _, bool _, string storeLocation, PictureType _) =>
            {
                var file = $"images/thumbs/{picture.Id:0000000}_{Pictures.First(p => p.Picture == picture).SeoFilename}.jpeg";
                return (AbsolutePictureUrls ? storeLocation + file : "/" + file, picture);
            });
        UrlRecordService.Setup(s => s.GetSeNameAsync(It.IsAny<Product>(), It.IsAny<int?>(), It.IsAny<bool>(), It.IsAny<bool>()))
            .ReturnsAsync((Product p, int? languageId, bool _, bool _) =>
                Slugs.TryGetValue((p.Id, languageId ?? 0), out var slug) ? slug : p.Name.ToLowerInvariant().Replace(' ', '-'));
        AttributeService.Setup(s => s.GetAllProductAttributeCombinationsAsync(It.IsAny<int>()))
            .ReturnsAsync((int productId) => shop.Combinations.Where(c => c.ProductId == productId).ToList());
        AttributeService.Setup(s => s.GetProductAttributeMappingsByProductIdAsync(It.IsAny<int>()))
            .ReturnsAsync((int productId) => AttributeMappings.Where(m => m.ProductId == productId).Select(m => m.Mapping).ToList());
        AttributeService.Setup(s => s.GetProductAttributeValuesAsync(It.IsAny<int>()))
            .ReturnsAsync((int mappingId) => AttributeMappings.Where(m => m.Mapping.Id == mappingId).SelectMany(m => m.Values).ToList());
        // The sample combinations' AttributesXml is "<value id>,<value id>…" here: enough to know which values a variation
        // chose. Mapping 0 means every mapping, as in nopCommerce.
        shop.AttributeParser.Setup(s => s.ParseProductAttributeValuesAsync(It.IsAny<string>(), It.IsAny<int>()))
            .ReturnsAsync((string xml, int mappingId) => AttributeMappings.Where(m => mappingId == 0 || m.Mapping.Id == mappingId)
                .SelectMany(m => m.Values).Where(v => xml.Split(',').Contains(v.Id.ToString())).ToList());
        SpecificationService.Setup(s => s.GetProductSpecificationAttributesAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool?>(), It.IsAny<bool?>(), It.IsAny<int?>()))
            .ReturnsAsync((int productId, int _, bool? _, bool? _, int? _) => ProductSpecifications.Where(p => p.ProductId == productId)
                .Select(p => new ProductSpecificationAttribute { SpecificationAttributeOptionId = p.Option.Id }).ToList());
        SpecificationService.Setup(s => s.GetSpecificationAttributeOptionsByIdsAsync(It.IsAny<int[]>()))
            .ReturnsAsync((int[] ids) => ProductSpecifications.Select(p => p.Option).Where(o => ids.Contains(o.Id)).DistinctBy(o => o.Id).ToList());
        SetupLocalized<ProductAttributeValue>(null);
        SetupLocalized<SpecificationAttributeOption>(null);
        SetupLocalized<Product>(shop.LocalizedProductNames);
        SetupLocalized<Category>(null);
        SetupLocalized<Manufacturer>(null);
        SettingService.Setup(s => s.LoadSettingAsync<OrderTouchpointsVtMarketingSettings>(It.IsAny<int>()))
            .ReturnsAsync((int storeId) => VtSettings.TryGetValue(storeId, out var s) ? s : new OrderTouchpointsVtMarketingSettings());
        SettingService.Setup(s => s.LoadSettingAsync<LocalizationSettings>(It.IsAny<int>()))
            .ReturnsAsync((int storeId) => LocalizationSettings.TryGetValue(storeId, out var s) ? s : new LocalizationSettings());
    }

    /// <summary>
    /// The sample shop plus a second store and a small catalogue: store 1 "Negozio" (Italian by default),
    /// store 2 "Shop" (English by default), categories, a brand and pictures for the sample products.
    /// </summary>
    public static FeedCatalogFixture WithSampleCatalogue(out Order order)
    {
        var catalogue = new FeedCatalogFixture(ShopFixture.WithSampleOrder(out order));
        catalogue.Shop.Stores.Add(new Store { Id = 2, Name = "Shop", Url = "https://shop.example", DefaultLanguageId = 2 });
        catalogue.Categories.Add(new Category { Id = 30, Name = "Kitchen", Published = true });
        catalogue.Categories.Add(new Category { Id = 31, Name = "Coffee", Published = true });
        catalogue.Manufacturers.Add(new Manufacturer { Id = 40, Name = "Bialetti", Published = true });
        catalogue.ProductCategories.AddRange([(501, 30), (501, 31), (502, 31)]);
        catalogue.ProductManufacturers.Add((502, 40));
        catalogue.Pictures.Add((501, new Picture { Id = 7 }, "espresso-cup"));
        return catalogue;
    }

    public VtMarketingFeedWriter CreateWriter() => new(
        new VtMarketingFeedStoreResolver(Shop.LanguageService.Object, SettingService.Object),
        new VtMarketingFeedRowReader(Shop.ProductService.Object, AttributeService.Object, CategoryService.Object,
            ManufacturerService.Object, PictureService.Object, UrlRecordService.Object, Shop.LocalizationService.Object,
            new VtMarketingFeedColors(AttributeService.Object, Shop.AttributeParser.Object, SpecificationService.Object, Shop.LocalizationService.Object),
            new VtMarketingFeedStock(Shop.ProductService.Object, AttributeService.Object),
            new VtMarketingFeedVariantPrices(Shop.AttributeParser.Object, Shop.ProductService.Object)));

    public Store Store(int id) => Shop.Stores.Single(s => s.Id == id);

    /// <summary>The whole feed of a store as written, split into records and fields.</summary>
    public async Task<List<string[]>> FeedAsync(int storeId, ProductIdSource idSource, FeedColorSource? color = null)
    {
        using var output = new MemoryStream();
        await CreateWriter().WriteAsync(Store(storeId), idSource, color ?? FeedColorSource.None, output, CancellationToken.None);
        return SemicolonCsvReader.Parse(Encoding.UTF8.GetString(output.ToArray()));
    }

    public static Dictionary<string, string> Row(List<string[]> feed, string id)
    {
        var header = feed[0];
        var row = feed.Skip(1).Single(r => r[0] == id);
        return header.Zip(row).ToDictionary(x => x.First, x => x.Second);
    }

    private IPagedList<Product> Search(IReadOnlyList<object> arguments)
    {
        var (pageIndex, pageSize, storeId) = ((int)arguments[0]!, (int)arguments[1]!, (int)arguments[4]!);
        var (visibleOnly, showHidden) = ((bool)arguments[8]!, (bool)arguments[21]!);
        Searches.Add((pageIndex, pageSize, storeId, visibleOnly, showHidden));
        var found = Shop.Products
            .Where(p => !p.Deleted && (showHidden || p.Published) && (!visibleOnly || p.VisibleIndividually))
            .Where(p => storeId == 0 || !StoreMappings.TryGetValue(p.Id, out var stores) || stores.Contains(storeId))
            .OrderBy(p => p.Id)
            .ToList();
        return new TestPagedList<Product>(found.Skip(pageIndex * pageSize).Take(pageSize), pageIndex, pageSize, found.Count);
    }

    // nopCommerce counts only tracked products' stock; the others are 0 there.
    private int TotalStock(Product product) =>
        product.ManageInventoryMethod != ManageInventoryMethod.ManageStock ? 0
        : WarehouseStock.TryGetValue(product.Id, out var total) ? total : product.StockQuantity;

    private IList<Product> Associated(int parentId, int storeId, bool showHidden)
    {
        AssociatedSearches.Add((parentId, storeId, showHidden));
        var childIds = AssociatedProducts.Where(a => a.ParentId == parentId).Select(a => a.ChildId).ToHashSet();
        return Shop.Products
            .Where(p => childIds.Contains(p.Id) && !p.Deleted && (showHidden || p.Published))
            .Where(p => showHidden || storeId == 0 || !StoreMappings.TryGetValue(p.Id, out var stores) || stores.Contains(storeId))
            .OrderBy(p => p.Id)
            .ToList();
    }

    private static IDictionary<int, int[]> Group(List<(int ProductId, int OtherId)> mappings, int[] productIds) =>
        mappings.Where(m => productIds.Contains(m.ProductId)).GroupBy(m => m.ProductId)
            .ToDictionary(g => g.Key, g => g.Select(m => m.OtherId).ToArray());

    /// <param name="names">(id, language) → localized name kept by the shop fixture (products), so order lines and feed agree.</param>
    private void SetupLocalized<TEntity>(Dictionary<(int, int), string>? names) where TEntity : BaseEntity, ILocalizedEntity =>
        Shop.LocalizationService.Setup(s => s.GetLocalizedAsync(It.IsAny<TEntity>(), It.IsAny<Expression<Func<TEntity, string>>>(), It.IsAny<int?>(), It.IsAny<bool>(), It.IsAny<bool>()))
            .ReturnsAsync((TEntity entity, Expression<Func<TEntity, string>> selector, int? languageId, bool _, bool _) =>
            {
                var property = ((MemberExpression)selector.Body).Member.Name;
                if (Localized.TryGetValue((typeof(TEntity).Name, entity.Id, property, languageId ?? 0), out var value))
                    return value;
                if (property == "Name" && names is not null && names.TryGetValue((entity.Id, languageId ?? 0), out var name))
                    return name;
                return selector.Compile()(entity);
            });
}
