using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

/// <summary>The feed's Stock column follows each product's inventory method, as nopCommerce sells it.</summary>
public class FeedStockTests
{
    private FeedCatalogFixture _catalogue = null!;
    private Product _cup = null!;

    [SetUp]
    public void SetUp()
    {
        _catalogue = FeedCatalogFixture.WithSampleCatalogue(out _);
        _cup = _catalogue.Shop.Products.Single(p => p.Id == 501);
    }

    [Test]
    public async Task An_untracked_product_is_in_stock_whatever_its_stock_quantity()
    {
        // Like a download or a service: nobody counts it, so its StockQuantity stays 0.
        _cup.ManageInventoryMethod = ManageInventoryMethod.DontManageStock;
        _cup.StockQuantity = 0;

        var cup = FeedCatalogFixture.Row(await _catalogue.FeedAsync(1, ProductIdSource.ProductId), "501");

        Assert.That(int.Parse(cup["Stock"]), Is.EqualTo(VtMarketingFeedStock.UntrackedStock).And.GreaterThan(0));
    }

    [Test]
    public async Task A_tracked_product_in_multiple_warehouses_reports_the_warehouses_total()
    {
        // With multiple warehouses nopCommerce no longer maintains the product's own StockQuantity.
        _cup.ManageInventoryMethod = ManageInventoryMethod.ManageStock;
        _cup.StockQuantity = 0;
        _catalogue.WarehouseStock[501] = 37;

        var cup = FeedCatalogFixture.Row(await _catalogue.FeedAsync(1, ProductIdSource.ProductId), "501");

        Assert.That(cup["Stock"], Is.EqualTo("37"));
    }

    [Test]
    public async Task A_product_tracked_by_attributes_reports_its_combinations_total()
    {
        _cup.ManageInventoryMethod = ManageInventoryMethod.ManageStockByAttributes;
        _cup.StockQuantity = 50;
        _catalogue.Shop.Combinations.AddRange(
        [
            new ProductAttributeCombination { Id = 1, ProductId = 501, AttributesXml = "<red/>", StockQuantity = 6 },
            new ProductAttributeCombination { Id = 2, ProductId = 501, AttributesXml = "<gold/>", StockQuantity = 3 },
            new ProductAttributeCombination { Id = 3, ProductId = 501, AttributesXml = "<white/>", StockQuantity = 0 },
            new ProductAttributeCombination { Id = 4, ProductId = 501, AttributesXml = "<black/>", StockQuantity = -2 }
        ]);

        var cup = FeedCatalogFixture.Row(await _catalogue.FeedAsync(1, ProductIdSource.ProductId), "501");

        Assert.That(cup["Stock"], Is.EqualTo("9"), "the product's own quantity is unused; a backordered combination takes nothing from the others");
    }

    [Test]
    public async Task An_associated_product_reports_its_real_stock()
    {
        _catalogue.Shop.Products.AddRange(
        [
            new Product { Id = 700, Name = "Tea set", ProductType = ProductType.GroupedProduct, Published = true, VisibleIndividually = true },
            new Product { Id = 701, Name = "Tea e-book", Price = 4.90m, ManageInventoryMethod = ManageInventoryMethod.DontManageStock, Published = true },
            new Product { Id = 702, Name = "Green tea", Price = 8.50m, ManageInventoryMethod = ManageInventoryMethod.ManageStock, Published = true }
        ]);
        _catalogue.AssociatedProducts.AddRange([(700, 701), (700, 702)]);
        _catalogue.WarehouseStock[702] = 14;

        var feed = await _catalogue.FeedAsync(1, ProductIdSource.ProductId);

        Assert.That(FeedCatalogFixture.Row(feed, "701")["Stock"], Is.EqualTo(VtMarketingFeedStock.UntrackedStock.ToString()));
        Assert.That(FeedCatalogFixture.Row(feed, "702")["Stock"], Is.EqualTo("14"));
    }

    [Test]
    public async Task Variations_of_an_untracked_product_are_in_stock()
    {
        _cup.ManageInventoryMethod = ManageInventoryMethod.DontManageStock;
        _catalogue.Shop.Combinations.Add(
            new ProductAttributeCombination { Id = 1, ProductId = 501, AttributesXml = "<red/>", Sku = "CUP-01-RED", StockQuantity = 0 });

        var red = FeedCatalogFixture.Row(await _catalogue.FeedAsync(1, ProductIdSource.Sku), "cup-01-red");

        Assert.That(red["Stock"], Is.EqualTo(VtMarketingFeedStock.UntrackedStock.ToString()));
    }

    [Test]
    public async Task Variations_of_a_tracked_product_report_the_products_stock_across_its_warehouses()
    {
        _cup.ManageInventoryMethod = ManageInventoryMethod.ManageStock;
        _cup.StockQuantity = 0;
        _catalogue.WarehouseStock[501] = 37;
        _catalogue.Shop.Combinations.Add(
            new ProductAttributeCombination { Id = 1, ProductId = 501, AttributesXml = "<red/>", Sku = "CUP-01-RED", StockQuantity = 5 });

        var red = FeedCatalogFixture.Row(await _catalogue.FeedAsync(1, ProductIdSource.Sku), "cup-01-red");

        Assert.That(red["Stock"], Is.EqualTo("37"), "only a product tracked by attributes keeps stock on its combinations");
    }

    [Test]
    public async Task Variations_of_a_product_tracked_by_attributes_report_their_own_stock()
    {
        _cup.ManageInventoryMethod = ManageInventoryMethod.ManageStockByAttributes;
        _catalogue.Shop.Combinations.AddRange(
        [
            new ProductAttributeCombination { Id = 1, ProductId = 501, AttributesXml = "<red/>", Sku = "CUP-01-RED", StockQuantity = 6 },
            new ProductAttributeCombination { Id = 2, ProductId = 501, AttributesXml = "<gold/>", Sku = "CUP-01-GOLD", StockQuantity = 3 }
        ]);

        var feed = await _catalogue.FeedAsync(1, ProductIdSource.Sku);

        Assert.That(feed.Skip(1).Where(r => r[0].StartsWith("cup-01")).Select(r => (r[0], FeedCatalogFixture.Row(feed, r[0])["Stock"])),
            Is.EqualTo(new[] { ("cup-01", "9"), ("cup-01-red", "6"), ("cup-01-gold", "3") }));
    }
}
