using System.Linq.Expressions;
using Moq;
using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;

/// <summary>
/// Line names as nopCommerce localizes them, read without ILocalizationService.GetLocalizedAsync: in a send's scope that
/// asks IWorkContext for the working language and loads the background-task customer for every delivery.
/// </summary>
public class OrderDataLoaderTests
{
    [Test]
    public async Task A_line_is_named_in_the_orders_language_where_the_product_is_localized_else_by_the_product()
    {
        var shop = ShopFixture.WithSampleOrder(out var order);
        shop.LocalizedProductNames[(501, 1)] = "Tazzina da caffè";
        shop.LocalizedProductNames[(502, 2)] = "Moka pot (English)";

        var lines = await shop.CreateLoader().LoadLinesAsync(order, order.CustomerLanguageId);

        Assert.That(lines.Select(l => (l.ProductId, l.Name)), Is.EqualTo(new[] { (501, "Tazzina da caffè"), (502, "Moka pot") }));
        shop.LocalizationService.Verify(s => s.GetLocalizedAsync(It.IsAny<Product>(), It.IsAny<Expression<Func<Product, string>>>(),
            It.IsAny<int?>(), It.IsAny<bool>(), It.IsAny<bool>()), Times.Never);
    }

    [Test]
    public async Task A_store_with_one_published_language_names_lines_by_the_product_as_nopCommerce_does()
    {
        var shop = ShopFixture.WithSampleOrder(out var order);
        shop.Languages.RemoveAll(l => l.Id == 2);
        shop.LocalizedProductNames[(501, 1)] = "Tazzina da caffè";

        var lines = await shop.CreateLoader().LoadLinesAsync(order, order.CustomerLanguageId);

        Assert.That(lines.Select(l => l.Name), Is.EqualTo(new[] { "Espresso cup", "Moka pot" }));
    }
}
