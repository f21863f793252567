using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Localization;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

public class FeedContentTests
{
    private FeedCatalogFixture _catalogue = null!;

    [SetUp]
    public void CreateCatalogue()
    {
        _catalogue = FeedCatalogFixture.WithSampleCatalogue(out _);
        var cup = _catalogue.Shop.Products.Single(p => p.Id == 501);
        cup.OldPrice = 12m;
        cup.ManageInventoryMethod = ManageInventoryMethod.ManageStock;
        cup.StockQuantity = 25;
        cup.ShortDescription = "<p>Fine porcelain cup.</p>";
        cup.FullDescription = "<p>Long text</p>";
        _catalogue.Shop.LocalizedProductNames[(501, 1)] = "Tazzina espresso";
        _catalogue.Localized[("Product", 501, "ShortDescription", 1)] = "<p>Tazzina in <b>porcellana</b> &amp; oro.</p>";
        _catalogue.Slugs[(501, 1)] = "tazzina-espresso";
        _catalogue.Localized[("Category", 30, "Name", 1)] = "Cucina";
        _catalogue.Localized[("Category", 31, "Name", 1)] = "Caffè";
    }

    [Test]
    public async Task Header_then_one_row_per_product_in_the_store_default_language()
    {
        var feed = await _catalogue.FeedAsync(1, ProductIdSource.ProductId);

        Assert.That(string.Join(";", feed[0]), Is.EqualTo(VtMarketingFeedCsv.Header));
        Assert.That(feed.Skip(1).Select(r => r[0]), Is.EqualTo(new[] { "501", "502" }));
        var cup = FeedCatalogFixture.Row(feed, "501");
        Assert.That(cup["Product title"], Is.EqualTo("Tazzina espresso"));
        Assert.That(cup["Product URL"], Is.EqualTo("https://negozio.example/tazzina-espresso"));
        Assert.That(cup["Categories IDs"], Is.EqualTo("30,31"));
        Assert.That(cup["Categories Titles"], Is.EqualTo("Cucina,Caffè"));
        Assert.That(cup["Description"], Is.EqualTo("Tazzina in porcellana & oro."));
        Assert.That(cup["Price"], Is.EqualTo("12.00"), "OldPrice above Price: the old price is the full price");
        Assert.That(cup["DiscountPrice"], Is.EqualTo("10.00"));
        Assert.That(cup["Photos"], Is.EqualTo("https://negozio.example/images/thumbs/0000007_espresso-cup.jpeg"));
        Assert.That(cup["Color"], Is.Empty);
        Assert.That(cup["Brand"], Is.Empty);
        Assert.That(cup["Stock"], Is.EqualTo("25"));
        Assert.That(cup["Main"], Is.EqualTo("0"), "a product's own row is not a variation");

        var moka = FeedCatalogFixture.Row(feed, "502");
        Assert.That(moka["Brand"], Is.EqualTo("Bialetti"));
        Assert.That(moka["Price"], Is.EqualTo("30.00"));
        Assert.That(moka["DiscountPrice"], Is.EqualTo("0"));
        Assert.That(moka["Photos"], Is.Empty);
    }

    [Test]
    public async Task Another_store_gets_its_own_language_and_urls()
    {
        var feed = await _catalogue.FeedAsync(2, ProductIdSource.ProductId);

        var cup = FeedCatalogFixture.Row(feed, "501");
        Assert.That(cup["Product title"], Is.EqualTo("Espresso cup"));
        Assert.That(cup["Product URL"], Is.EqualTo("https://shop.example/espresso-cup"));
        Assert.That(cup["Categories Titles"], Is.EqualTo("Kitchen,Coffee"));
        Assert.That(cup["Description"], Is.EqualTo("Fine porcelain cup."));
        Assert.That(cup["Photos"], Does.StartWith("https://shop.example/images/"));
    }

    [Test]
    public async Task Only_published_undeleted_individually_visible_products_of_the_store_are_listed()
    {
        _catalogue.Shop.Products.AddRange(
        [
            new Product { Id = 601, Name = "Draft", Published = false, VisibleIndividually = true },
            new Product { Id = 602, Name = "Removed", Published = true, Deleted = true, VisibleIndividually = true },
            new Product { Id = 603, Name = "Part of a grouped product", Published = true, VisibleIndividually = false },
            new Product { Id = 604, Name = "Only in Shop", Published = true, VisibleIndividually = true },
            new Product { Id = 605, Name = "In both", Published = true, VisibleIndividually = true }
        ]);
        _catalogue.StoreMappings[604] = [2];
        _catalogue.StoreMappings[605] = [1, 2];

        var negozio = await _catalogue.FeedAsync(1, ProductIdSource.ProductId);
        var shop = await _catalogue.FeedAsync(2, ProductIdSource.ProductId);

        Assert.That(negozio.Skip(1).Select(r => r[0]), Is.EqualTo(new[] { "501", "502", "605" }));
        Assert.That(shop.Skip(1).Select(r => r[0]), Is.EqualTo(new[] { "501", "502", "604", "605" }));
        Assert.That(_catalogue.Searches.Select(s => (s.StoreId, s.VisibleIndividuallyOnly, s.ShowHidden)).Distinct(),
            Is.EquivalentTo(new[] { (1, true, false), (2, true, false) }));
    }

    [Test]
    public async Task A_large_catalogue_is_read_in_pages_of_500_without_repeating_or_skipping()
    {
        for (var id = 1000; id < 2203; id++)
            _catalogue.Shop.Products.Add(new Product { Id = id, Name = $"Product {id}", Published = true, VisibleIndividually = true });

        var feed = await _catalogue.FeedAsync(1, ProductIdSource.ProductId);

        var ids = feed.Skip(1).Select(r => r[0]).ToList();
        Assert.That(ids, Has.Count.EqualTo(1205));
        Assert.That(ids, Is.Unique);
        Assert.That(_catalogue.Searches.Select(s => (s.PageIndex, s.PageSize)), Is.EqualTo(new[] { (0, 500), (1, 500), (2, 500) }));
    }

    [Test]
    public async Task Full_description_is_used_when_the_short_one_is_empty()
    {
        _catalogue.Localized[("Product", 501, "ShortDescription", 1)] = "<p> </p>";
        _catalogue.Localized[("Product", 501, "FullDescription", 1)] = "<h2>Dettagli</h2><ul><li>80 ml</li><li>Lavabile</li></ul>";

        var cup = FeedCatalogFixture.Row(await _catalogue.FeedAsync(1, ProductIdSource.ProductId), "501");

        Assert.That(cup["Description"], Is.EqualTo("Dettagli 80 ml Lavabile"));
    }

    [Test]
    public async Task Site_relative_picture_urls_become_absolute_on_the_store_url()
    {
        _catalogue.AbsolutePictureUrls = false;
        _catalogue.Pictures.Add((501, new Nop.Core.Domain.Media.Picture { Id = 8 }, "espresso-cup-side"));

        var cup = FeedCatalogFixture.Row(await _catalogue.FeedAsync(2, ProductIdSource.ProductId), "501");

        Assert.That(cup["Photos"], Is.EqualTo(
            "https://shop.example/images/thumbs/0000007_espresso-cup.jpeg,https://shop.example/images/thumbs/0000008_espresso-cup-side.jpeg"));
    }

    [Test]
    public async Task Product_urls_carry_the_language_code_when_the_store_puts_it_in_urls()
    {
        _catalogue.LocalizationSettings[1] = new LocalizationSettings { SeoFriendlyUrlsForLanguagesEnabled = true };

        var cup = FeedCatalogFixture.Row(await _catalogue.FeedAsync(1, ProductIdSource.ProductId), "501");

        Assert.That(cup["Product URL"], Is.EqualTo("https://negozio.example/it/tazzina-espresso"));
    }

    [Test]
    public async Task Unpublished_categories_and_manufacturers_are_left_out()
    {
        _catalogue.Categories.Single(c => c.Id == 31).Published = false;
        _catalogue.Manufacturers.Add(new Manufacturer { Id = 41, Name = "Hidden brand", Published = false });
        _catalogue.ProductManufacturers.Insert(0, (502, 41));

        var feed = await _catalogue.FeedAsync(1, ProductIdSource.ProductId);

        Assert.That(FeedCatalogFixture.Row(feed, "501")["Categories IDs"], Is.EqualTo("30"));
        Assert.That(FeedCatalogFixture.Row(feed, "502")["Categories IDs"], Is.Empty);
        Assert.That(FeedCatalogFixture.Row(feed, "502")["Brand"], Is.EqualTo("Bialetti"));
    }

    [Test]
    public async Task Separators_quotes_and_line_breaks_in_shop_texts_survive_a_strict_csv_reader()
    {
        _catalogue.Shop.LocalizedProductNames[(501, 1)] = "Tazza \"Milano\"; 80 ml";
        _catalogue.Localized[("Category", 30, "Name", 1)] = "Cucina; \"casa\"";
        _catalogue.Shop.Products.Single(p => p.Id == 502).Sku = "MOKA;3\"TZ";

        var feed = await _catalogue.FeedAsync(1, ProductIdSource.Sku);

        var cup = FeedCatalogFixture.Row(feed, "cup-01");
        Assert.That(cup["Product title"], Is.EqualTo("Tazza \"Milano\"; 80 ml"));
        Assert.That(cup["Categories Titles"], Is.EqualTo("Cucina; \"casa\",Caffè"));
        Assert.That(feed.Skip(1).Select(r => r[0]), Does.Contain("moka;3\"tz"));
        Assert.That(feed.Skip(1), Has.All.Length.EqualTo(13));
    }

    [Test]
    public async Task In_sku_mode_ids_are_normalized_skus_and_each_combination_with_its_own_sku_gets_a_variation_row()
    {
        var cup = _catalogue.Shop.Products.Single(p => p.Id == 501);
        cup.ManageInventoryMethod = ManageInventoryMethod.ManageStockByAttributes;
        _catalogue.Shop.Combinations.AddRange(
        [
            new ProductAttributeCombination { Id = 1, ProductId = 501, AttributesXml = "<red/>", Sku = " CUP-01-RED ", StockQuantity = 3 },
            new ProductAttributeCombination { Id = 2, ProductId = 501, AttributesXml = "<gold/>", Sku = "CUP-01-GOLD", StockQuantity = 1, OverriddenPrice = 15m },
            new ProductAttributeCombination { Id = 3, ProductId = 501, AttributesXml = "<white/>", Sku = "" },
            new ProductAttributeCombination { Id = 4, ProductId = 501, AttributesXml = "<plain/>", Sku = "cup-01" }
        ]);

        var feed = await _catalogue.FeedAsync(1, ProductIdSource.Sku);

        Assert.That(feed.Skip(1).Select(r => (r[0], r[12])), Is.EqualTo(new[]
        {
            ("cup-01", "0"), ("cup-01-red", "1"), ("cup-01-gold", "1"), ("502", "0")
        }), "a product without SKU keeps its id; a combination SKU equal to the product's once normalized adds nothing");
        var red = FeedCatalogFixture.Row(feed, "cup-01-red");
        Assert.That((red["Price"], red["DiscountPrice"], red["Stock"]), Is.EqualTo(("12.00", "10.00", "3")));
        Assert.That(red["Product URL"], Is.EqualTo("https://negozio.example/tazzina-espresso"));
        var gold = FeedCatalogFixture.Row(feed, "cup-01-gold");
        Assert.That((gold["Price"], gold["DiscountPrice"], gold["Stock"]), Is.EqualTo(("15.00", "0", "1")));
    }

    [Test]
    public async Task In_product_id_mode_combinations_add_no_rows()
    {
        _catalogue.Shop.Combinations.Add(new ProductAttributeCombination { Id = 1, ProductId = 501, AttributesXml = "<red/>", Sku = "CUP-01-RED" });

        var feed = await _catalogue.FeedAsync(1, ProductIdSource.ProductId);

        Assert.That(feed.Skip(1).Select(r => r[0]), Is.EqualTo(new[] { "501", "502" }));
        _catalogue.AttributeService.Verify(s => s.GetAllProductAttributeCombinationsAsync(It.IsAny<int>()), Times.Never);
    }

    [Test]
    public async Task Associated_products_of_a_grouped_product_get_their_own_rows_with_the_grouped_product_url_and_main_1()
    {
        AddTeaSet();

        var feed = await _catalogue.FeedAsync(1, ProductIdSource.ProductId);

        Assert.That(feed.Skip(1).Select(r => (r[0], r[12])), Is.EqualTo(new[]
        {
            ("501", "0"), ("502", "0"), ("700", "0"), ("701", "1"), ("702", "1"), ("704", "0")
        }), "hidden, unpublished and deleted children get no row; a child visible individually is listed once, as itself");
        var green = FeedCatalogFixture.Row(feed, "701");
        Assert.That(green["Product title"], Is.EqualTo("Green tea"));
        Assert.That(green["Product URL"], Is.EqualTo("https://negozio.example/tea-set"), "a child not visible individually has no page");
        Assert.That((green["Price"], green["DiscountPrice"], green["Stock"]), Is.EqualTo(("10.00", "8.00", "12")));
        Assert.That(green["Photos"], Is.EqualTo("https://negozio.example/images/thumbs/0000010_green-tea.jpeg"));
        Assert.That((green["Categories IDs"], green["Categories Titles"], green["Brand"]), Is.EqualTo(("30", "Cucina", "Bialetti")));
        var black = FeedCatalogFixture.Row(feed, "702");
        Assert.That(black["Product URL"], Is.EqualTo("https://negozio.example/tea-set"));
        Assert.That((black["Price"], black["DiscountPrice"], black["Stock"]), Is.EqualTo(("7.00", "0", "4")));
        Assert.That(black["Photos"], Is.EqualTo("https://negozio.example/images/thumbs/0000009_tea-set.jpeg"), "no picture of its own: the grouped product's");
        Assert.That(_catalogue.AssociatedSearches, Is.EqualTo(new[] { (700, 1, false) }), "only the grouped product's children, as the store's visitors see them");
    }

    [Test]
    public async Task In_sku_mode_an_associated_product_is_listed_by_its_sku_followed_by_its_own_combinations()
    {
        AddTeaSet();
        _catalogue.Shop.Combinations.Add(
            new ProductAttributeCombination { Id = 5, ProductId = 701, AttributesXml = "<100g/>", Sku = "TEA-GREEN 100G", OverriddenPrice = 15m });

        var feed = await _catalogue.FeedAsync(1, ProductIdSource.Sku);

        Assert.That(feed.Skip(1).Select(r => (r[0], r[12])), Is.EqualTo(new[]
        {
            ("cup-01", "0"), ("502", "0"), ("tea-set", "0"), ("tea-green", "1"), ("tea-green_100g", "1"), ("702", "1"), ("704", "0")
        }));
        var green100 = FeedCatalogFixture.Row(feed, "tea-green_100g");
        Assert.That(green100["Product URL"], Is.EqualTo("https://negozio.example/tea-set"));
        Assert.That(green100["Product title"], Is.EqualTo("Green tea"));
        Assert.That((green100["Price"], green100["DiscountPrice"], green100["Stock"]), Is.EqualTo(("15.00", "0", "12")));
    }

    /// <summary>
    /// Grouped product 700 "Tea set" with children: 701 (own picture, reduced price), 702 (no picture, no SKU),
    /// 703 unpublished, 705 deleted, and 704 that is also visible individually.
    /// </summary>
    private void AddTeaSet()
    {
        _catalogue.Shop.Products.AddRange(
        [
            new Product { Id = 700, Name = "Tea set", Sku = "TEA-SET", ProductType = ProductType.GroupedProduct, Price = 0m, Published = true, VisibleIndividually = true },
            new Product { Id = 701, Name = "Green tea", Sku = "TEA-GREEN", Price = 8m, OldPrice = 10m, StockQuantity = 12, ManageInventoryMethod = ManageInventoryMethod.ManageStock, Published = true },
            new Product { Id = 702, Name = "Black tea", Price = 7m, StockQuantity = 4, ManageInventoryMethod = ManageInventoryMethod.ManageStock, Published = true },
            new Product { Id = 703, Name = "Draft tea", Price = 9m, Published = false },
            new Product { Id = 704, Name = "Tea cup", Price = 5m, Published = true, VisibleIndividually = true },
            new Product { Id = 705, Name = "Old tea", Price = 6m, Published = true, Deleted = true }
        ]);
        _catalogue.AssociatedProducts.AddRange([(700, 701), (700, 702), (700, 703), (700, 704), (700, 705)]);
        _catalogue.ProductCategories.Add((700, 30));
        _catalogue.ProductManufacturers.Add((700, 40));
        _catalogue.Pictures.Add((700, new Nop.Core.Domain.Media.Picture { Id = 9 }, "tea-set"));
        _catalogue.Pictures.Add((701, new Nop.Core.Domain.Media.Picture { Id = 10 }, "green-tea"));
    }
}
