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

    // nopCommerce's CustomerService.DeleteCustomerAsync with CustomerSettings.SuffixDeletedCustomers: the account is gone, the
    // order is shipped and refunded all the same, and nopCommerce mails those to the billing email.
    [Test]
    public async Task A_deleted_account_whose_email_carries_nopCommerces_deleted_suffix_is_reached_at_the_billing_email()
    {
        var shop = ShopFixture.WithSampleOrder(out var order);
        var customer = shop.Customers.Single();
        customer.Deleted = true;
        customer.Email = "giulia.rossi@example.com-DELETED";

        var data = await shop.CreateLoader().LoadAsync(order.Id);

        Assert.That(data!.Email, Is.EqualTo("giulia.billing@example.com"));
    }

    [Test]
    public async Task A_deleted_account_without_the_suffix_and_a_live_one_keep_their_own_email()
    {
        var shop = ShopFixture.WithSampleOrder(out var order);
        var customer = shop.Customers.Single();

        Assert.That((await shop.CreateLoader().LoadAsync(order.Id))!.Email, Is.EqualTo("giulia.rossi@example.com"));
        customer.Deleted = true;
        Assert.That((await shop.CreateLoader().LoadAsync(order.Id))!.Email, Is.EqualTo("giulia.rossi@example.com"));
    }
}
