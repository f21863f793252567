using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

/// <summary>
/// VTmarketing joins orders to products by id: every items[].id an order event sends (order lines as the
/// shared loader reads them, through the one id rule) must be an ID row of the feed, for both id settings.
/// </summary>
public class FeedIdConsistencyTests
{
    private FeedCatalogFixture _catalogue = null!;
    private Order _order = null!;

    [SetUp]
    public void CreateShop()
    {
        _catalogue = FeedCatalogFixture.WithSampleCatalogue(out _order);
        // A third line bought in a variant with its own SKU, a fourth in a variant without one.
        _catalogue.Shop.Products.Add(new Product { Id = 503, Name = "Milk jug", Sku = "  JUG-05 ", Price = 12m, Published = true, VisibleIndividually = true });
        _catalogue.Shop.Combinations.Add(new ProductAttributeCombination { Id = 1, ProductId = 501, AttributesXml = "<red/>", Sku = "CUP-01-RED" });
        _catalogue.Shop.Combinations.Add(new ProductAttributeCombination { Id = 2, ProductId = 503, AttributesXml = "<small/>", Sku = null! });
        _catalogue.Shop.OrderItems.Add(new OrderItem { Id = 1003, OrderId = 42, ProductId = 501, Quantity = 1, AttributesXml = "<red/>" });
        _catalogue.Shop.OrderItems.Add(new OrderItem { Id = 1004, OrderId = 42, ProductId = 503, Quantity = 1, AttributesXml = "<small/>" });
    }

    // The ids the order event really carries, built by the same builder the dispatcher uses.
    private async Task<List<string>> OrderEventIdsAsync(ProductIdSource source)
    {
        var builder = new VtMarketingPayloadBuilder(_catalogue.Shop.CreateLoader());
        var request = new DeliveryRequest(_order.StoreId, _order.Id, TouchpointEvent.OrderPlaced, _order.CreatedOnUtc);
        var built = await builder.BuildAsync(request, new OrderTouchpointsVtMarketingSettings { ProductIdSource = source }, CancellationToken.None);
        return built.Payload!.Event.Confirmation.Items.Select(item => item.Id).ToList();
    }

    [TestCase(ProductIdSource.ProductId, new[] { "501", "502", "501", "503" })]
    [TestCase(ProductIdSource.Sku, new[] { "cup-01", "502", "cup-01-red", "jug-05" })]
    public async Task Every_id_an_order_event_sends_is_a_row_of_the_feed(ProductIdSource source, string[] expectedEventIds)
    {
        var eventIds = await OrderEventIdsAsync(source);
        var feedIds = (await _catalogue.FeedAsync(_order.StoreId, source)).Skip(1).Select(r => r[0]).ToList();

        Assert.That(eventIds, Is.EqualTo(expectedEventIds));
        Assert.That(eventIds.Except(feedIds), Is.Empty, "order event ids without a feed row");
        Assert.That(feedIds, Is.Unique);
    }
}
