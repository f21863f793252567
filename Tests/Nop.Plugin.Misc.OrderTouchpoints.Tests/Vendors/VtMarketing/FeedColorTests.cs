using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

/// <summary>The feed's optional Color column, from the product or specification attribute the store owner picked.</summary>
public class FeedColorTests
{
    private const int ColourAttributeId = 3;
    private const int ColourSpecificationId = 8;
    private FeedCatalogFixture _catalogue = null!;

    [SetUp]
    public void SetUp()
    {
        _catalogue = FeedCatalogFixture.WithSampleCatalogue(out _);
        // The cup comes in red and gold (a product attribute, one combination each); the moka pot is silver (a specification).
        _catalogue.AttributeMappings.Add((new ProductAttributeMapping { Id = 70, ProductAttributeId = ColourAttributeId }, 501,
            [new ProductAttributeValue { Id = 701, Name = "Rosso" }, new ProductAttributeValue { Id = 702, Name = "Oro, lucido" }]));
        _catalogue.AttributeMappings.Add((new ProductAttributeMapping { Id = 71, ProductAttributeId = 4 }, 501,
            [new ProductAttributeValue { Id = 711, Name = "Grande" }]));
        _catalogue.Shop.Combinations.AddRange(
        [
            new ProductAttributeCombination { Id = 1, ProductId = 501, AttributesXml = "701,711", Sku = "CUP-01 RED" },
            new ProductAttributeCombination { Id = 2, ProductId = 501, AttributesXml = "702", Sku = "CUP-01-GOLD" }
        ]);
        _catalogue.ProductSpecifications.Add((502, new SpecificationAttributeOption { Id = 80, SpecificationAttributeId = ColourSpecificationId, Name = "Argento" }));
        _catalogue.ProductSpecifications.Add((502, new SpecificationAttributeOption { Id = 81, SpecificationAttributeId = 9, Name = "Alluminio" }));
        _catalogue.Localized[("ProductAttributeValue", 701, "Name", 2)] = "Red";
    }

    [Test]
    public async Task Product_attribute_colour_lists_a_products_values_and_each_variation_its_own()
    {
        var feed = await _catalogue.FeedAsync(1, ProductIdSource.Sku, new FeedColorSource(FeedColorKind.ProductAttribute, ColourAttributeId));

        // A comma inside a value would split VTmarketing's list cell, so it becomes a space.
        Assert.That(FeedCatalogFixture.Row(feed, "cup-01")["Color"], Is.EqualTo("Rosso,Oro lucido"));
        Assert.That(FeedCatalogFixture.Row(feed, "cup-01_red")["Color"], Is.EqualTo("Rosso"), "the SKU's space became _ as the feed guide asks");
        Assert.That(FeedCatalogFixture.Row(feed, "cup-01-gold")["Color"], Is.EqualTo("Oro lucido"));
        Assert.That(FeedCatalogFixture.Row(feed, "502")["Color"], Is.Empty, "the moka pot has no such attribute");
    }

    [Test]
    public async Task Colour_is_in_the_feed_language()
    {
        var feed = await _catalogue.FeedAsync(2, ProductIdSource.Sku, new FeedColorSource(FeedColorKind.ProductAttribute, ColourAttributeId));

        Assert.That(FeedCatalogFixture.Row(feed, "cup-01_red")["Color"], Is.EqualTo("Red"));
    }

    [Test]
    public async Task Specification_attribute_colour_is_the_products_option_for_that_attribute_only()
    {
        var feed = await _catalogue.FeedAsync(1, ProductIdSource.ProductId, new FeedColorSource(FeedColorKind.SpecificationAttribute, ColourSpecificationId));

        Assert.That(FeedCatalogFixture.Row(feed, "502")["Color"], Is.EqualTo("Argento"));
        Assert.That(FeedCatalogFixture.Row(feed, "501")["Color"], Is.Empty);
    }

    [Test]
    public async Task Without_a_choice_the_column_stays_empty()
    {
        var feed = await _catalogue.FeedAsync(1, ProductIdSource.Sku);

        Assert.That(feed.Skip(1).Select(r => FeedCatalogFixture.Row(feed, r[0])["Color"]), Has.All.Empty);
    }

    [TestCase("ProductAttribute:3", FeedColorKind.ProductAttribute, 3)]
    [TestCase("SpecificationAttribute:12", FeedColorKind.SpecificationAttribute, 12)]
    [TestCase("", FeedColorKind.None, 0)]
    [TestCase(null, FeedColorKind.None, 0)]
    [TestCase("ProductAttribute:0", FeedColorKind.None, 0)]
    [TestCase("Colour:3", FeedColorKind.None, 0)]
    [TestCase("None:3", FeedColorKind.None, 0)]
    public void Setting_text_reads_as_the_attribute_it_names_or_else_as_no_colour(string? text, FeedColorKind kind, int id)
    {
        var source = FeedColorSource.Parse(text);

        Assert.That((source.Kind, source.AttributeId), Is.EqualTo((kind, id)));
    }

    [TestCase(FeedColorKind.ProductAttribute, 3)]
    [TestCase(FeedColorKind.SpecificationAttribute, 12)]
    [TestCase(FeedColorKind.None, 0)]
    public void A_colour_choice_reads_back_from_the_setting_text_it_is_saved_as(FeedColorKind kind, int id)
    {
        var source = new FeedColorSource(kind, id);

        Assert.That(FeedColorSource.Parse(source.Format()), Is.EqualTo(source));
    }

    [Test]
    public void A_different_colour_choice_is_a_different_cached_feed()
    {
        var none = VtMarketingFeedCache.KeyFor(1, "token", ProductIdSource.Sku);
        var colour = VtMarketingFeedCache.KeyFor(1, "token", ProductIdSource.Sku, new FeedColorSource(FeedColorKind.ProductAttribute, 3));
        var other = VtMarketingFeedCache.KeyFor(1, "token", ProductIdSource.Sku, new FeedColorSource(FeedColorKind.SpecificationAttribute, 3));

        Assert.That(new[] { none, colour, other }, Is.Unique);
    }
}
