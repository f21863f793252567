using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

/// <summary>
/// In SKU mode a variation row carries what the storefront asks for its attribute combination: the product's price
/// plus the price adjustments of the values it selects, unless the combination overrides the price.
/// </summary>
public class FeedVariantPriceTests
{
    private const int TShirtId = 801;
    private FeedCatalogFixture _catalogue = null!;
    private Product _tShirt = null!;

    [SetUp]
    public void SetUp()
    {
        _catalogue = FeedCatalogFixture.WithSampleCatalogue(out _);
        _tShirt = new Product
        {
            Id = TShirtId, Name = "Linen t-shirt", Sku = "TS", Price = 24.90m, Published = true, VisibleIndividually = true,
            ManageInventoryMethod = ManageInventoryMethod.ManageStockByAttributes
        };
        _catalogue.Shop.Products.Add(_tShirt);
        _catalogue.AttributeMappings.Add((new ProductAttributeMapping { Id = 90, ProductAttributeId = 1 }, TShirtId,
        [
            new ProductAttributeValue { Id = 901, Name = "S", PriceAdjustment = -2.00m },
            new ProductAttributeValue { Id = 902, Name = "M" },
            new ProductAttributeValue { Id = 903, Name = "XL", PriceAdjustment = 2.50m },
            new ProductAttributeValue { Id = 904, Name = "XXL", PriceAdjustment = 10m, PriceAdjustmentUsePercentage = true },
            new ProductAttributeValue { Id = 905, Name = "XXXL", PriceAdjustment = 6.00m }
        ]));
        _catalogue.AttributeMappings.Add((new ProductAttributeMapping { Id = 91, ProductAttributeId = 2 }, TShirtId,
        [
            new ProductAttributeValue { Id = 911, Name = "White" },
            new ProductAttributeValue { Id = 912, Name = "Navy", PriceAdjustment = 1.50m }
        ]));
    }

    [Test]
    public async Task A_combination_costs_the_product_price_plus_the_absolute_adjustments_of_its_values()
    {
        AddCombinations(("901,911", "TS-S-WHITE"), ("902,911", "TS-M-WHITE"), ("903,912", "TS-XL-NAVY"));

        var feed = await _catalogue.FeedAsync(1, ProductIdSource.Sku);

        Assert.That(Prices(feed, "ts-s-white", "ts-m-white", "ts-xl-navy"), Is.EqualTo(new[]
        {
            ("22.90", "0"), ("24.90", "0"), ("28.90", "0")
        }), "24.90 − 2.00; 24.90 unadjusted; 24.90 + 2.50 + 1.50");
    }

    [Test]
    public async Task A_percentage_adjustment_adds_that_share_of_the_product_price()
    {
        AddCombinations(("904,911", "TS-XXL-WHITE"), ("904,912", "TS-XXL-NAVY"));

        var feed = await _catalogue.FeedAsync(1, ProductIdSource.Sku);

        Assert.That(Prices(feed, "ts-xxl-white", "ts-xxl-navy"), Is.EqualTo(new[]
        {
            ("27.39", "0"), ("28.89", "0")
        }), "24.90 + 10 % (2.49); the same + 1.50");
    }

    [Test]
    public async Task A_value_associated_to_a_product_adds_that_products_price_times_its_quantity()
    {
        _catalogue.Shop.Products.Add(new Product { Id = 810, Name = "Gift box", Price = 3.90m, Published = true });
        _catalogue.AttributeMappings.Add((new ProductAttributeMapping { Id = 92, ProductAttributeId = 3 }, TShirtId,
        [
            new ProductAttributeValue { Id = 921, Name = "Two gift boxes", AttributeValueType = AttributeValueType.AssociatedToProduct, AssociatedProductId = 810, Quantity = 2 }
        ]));
        AddCombinations(("902,911,921", "TS-M-WHITE-GIFT"));

        var feed = await _catalogue.FeedAsync(1, ProductIdSource.Sku);

        Assert.That(Prices(feed, "ts-m-white-gift"), Is.EqualTo(new[] { ("32.70", "0") }), "24.90 + 2 × 3.90");
    }

    [Test]
    public async Task A_combination_with_an_overridden_price_keeps_that_price_without_adjustments()
    {
        _tShirt.OldPrice = 34.90m;
        AddCombinations(("903,912", "TS-XL-NAVY"));
        _catalogue.Shop.Combinations.Single().OverriddenPrice = 29.00m;

        var feed = await _catalogue.FeedAsync(1, ProductIdSource.Sku);

        Assert.That(Prices(feed, "ts-xl-navy"), Is.EqualTo(new[] { ("29.00", "0") }),
            "neither XL's nor Navy's adjustment is added to an overridden price, and it is not marked reduced");
    }

    [Test]
    public async Task An_adjusted_variation_is_reduced_from_the_products_old_price_only_while_below_it()
    {
        // The product page keeps showing the product's old price struck through beside each combination's price.
        _tShirt.OldPrice = 29.90m;
        AddCombinations(("902,911", "TS-M-WHITE"), ("904,912", "TS-XXL-NAVY"), ("905,911", "TS-XXXL-WHITE"));

        var feed = await _catalogue.FeedAsync(1, ProductIdSource.Sku);

        Assert.That(Prices(feed, "ts", "ts-m-white", "ts-xxl-navy", "ts-xxxl-white"), Is.EqualTo(new[]
        {
            ("29.90", "24.90"), ("29.90", "24.90"), ("29.90", "28.89"), ("30.90", "0")
        }), "the product row and its unadjusted combination agree; 30.90 is above the old price, so no reduction");
    }

    private void AddCombinations(params (string AttributesXml, string Sku)[] combinations)
    {
        foreach (var (attributesXml, sku) in combinations)
        {
            _catalogue.Shop.Combinations.Add(new ProductAttributeCombination
            {
                Id = _catalogue.Shop.Combinations.Count + 1, ProductId = TShirtId, AttributesXml = attributesXml, Sku = sku, StockQuantity = 4
            });
        }
    }

    private static (string Price, string DiscountPrice)[] Prices(List<string[]> feed, params string[] ids) =>
        ids.Select(id => FeedCatalogFixture.Row(feed, id)).Select(r => (r["Price"], r["DiscountPrice"])).ToArray();
}
