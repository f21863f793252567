using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;

/// <summary>
/// The sandbox's shop: two stores, Italian and English, orders in EUR (rate 1) and SEK (rate 11.4237),
/// products with and without SKU and one with attribute combinations, two tax rates (22 % and 10 %), a coupon,
/// a gift card every fourth order from the second, registered and guest
/// customers, names outside ASCII, and one guest order with no email anywhere (index 2).
/// </summary>
public static class SampleShop
{
    public const int NoEmailOrderIndex = 2;
    public const int FirstOrderId = 1001;

    private static readonly (string First, string Last, string? Email)[] People =
    [
        ("Giulia", "Rossi", "giulia.rossi@example.com"),
        ("Åsa", "Lindström", "asa.lindstrom@example.se"),
        ("Zoë", "Nguyễn", null),
        ("Jürgen", "Müller-Łukasz", "jurgen.muller@example.de"),
        ("Chloé", "O'Brien", "chloe@example.ie"),
        ("美咲", "佐藤", "misaki.sato@example.jp")
    ];

    public static ShopFixture Create(int orderCount, int linesPerOrder = 0)
    {
        var shop = new ShopFixture();
        shop.Stores.Add(new Store { Id = 1, Name = "Negozio Milano", Url = "https://negozio.example/", DefaultLanguageId = 1 });
        shop.Stores.Add(new Store { Id = 2, Name = "Butik Stockholm", Url = "https://butik.example/", DefaultLanguageId = 2 });
        shop.Languages.Add(new Language { Id = 1, Name = "Italiano", LanguageCulture = "it-IT", UniqueSeoCode = "it"});
        shop.Languages.Add(new Language { Id = 2, Name = "English", LanguageCulture = "en-US", UniqueSeoCode = "en"});
        shop.Countries.Add(new Country { Id = 10, Name = "Italy", TwoLetterIsoCode = "IT"});
        shop.Countries.Add(new Country { Id = 11, Name = "Sweden", TwoLetterIsoCode = "SE"});
        AddCatalogue(shop);
        for (var index = 0; index < orderCount; index++)
            AddOrder(shop, index, linesPerOrder);
        return shop;
    }

    private static void AddCatalogue(ShopFixture shop)
    {
        shop.Products.Add(new Product { Id = 501, Name = "Tazzina espresso", Sku = "CUP-01", Price = 10m, Published = true, VisibleIndividually = true });
        shop.Products.Add(new Product { Id = 502, Name = "Caffettiera moka", Sku = null!, Price = 30m, Published = true, VisibleIndividually = true });
        shop.Products.Add(new Product { Id = 503, Name = "T-shirt «Caffè»", Sku = "TEE", Price = 25m, Published = true, VisibleIndividually = true });
        shop.Combinations.Add(new ProductAttributeCombination { Id = 1, ProductId = 503, AttributesXml = Size("M"), Sku = "TEE-M" });
        shop.Combinations.Add(new ProductAttributeCombination { Id = 2, ProductId = 503, AttributesXml = Size("XL"), Sku = "TEE-XL" });
        shop.LocalizedProductNames[(501, 2)] = "Espresso cup";
        shop.LocalizedProductNames[(502, 2)] = "Moka pot";
        shop.LocalizedProductNames[(503, 2)] = "T-shirt “Coffee”";
        shop.Discounts.Add(new Discount { Id = 1, Name = "Benvenuto", DiscountType = DiscountType.AssignedToOrderTotal, RequiresCouponCode = true, CouponCode = "BENVENUTO10" });
        shop.ProductPictureUrls[501] = "/images/thumbs/0000501_tazzina-espresso_415.jpeg";
        shop.ProductPictureUrls[503] = "/images/thumbs/0000503_t-shirt-caffe_415.jpeg";
    }

    private static string Size(string size) =>
        $"<Attributes><ProductAttribute ID=\"1\"><ProductAttributeValue><Value>{size}</Value></ProductAttributeValue></ProductAttribute></Attributes>";

    private static void AddOrder(ShopFixture shop, int index, int linesPerOrder)
    {
        var orderId = FirstOrderId + index;
        var person = index == NoEmailOrderIndex ? People[2] : People[index % People.Length] is { Email: null } ? People[0] : People[index % People.Length];
        var guest = index % 3 == 2;
        var storeId = index % 2 == 0 ? 1 : 2;
        var swedish = storeId == 2;
        var customerId = guest ? 9000 + index : 100 + index % People.Length;
        if (shop.Customers.All(c => c.Id != customerId))
        {
            shop.Customers.Add(guest
                ? new Customer { Id = customerId }
                : new Customer { Id = customerId, Email = person.Email!, FirstName = person.First, LastName = person.Last });
        }
        var billingId = 20_000 + index;
        shop.Addresses.Add(new Address
        {
            Id = billingId, FirstName = person.First, LastName = person.Last, Email = person.Email!,
            CountryId = swedish ? 11 : 10, City = swedish ? "Göteborg" : "Forlì", ZipPostalCode = swedish ? "411 01" : "47121", PhoneNumber = index % 2 == 0 ? "+39 02 1234567" : null!
        });

        var order = new Order
        {
            Id = orderId, CustomOrderNumber = $"SBX-{orderId}", StoreId = storeId,
            CustomerId = customerId, BillingAddressId = billingId, ShippingAddressId = billingId,
            CustomerCurrencyCode = swedish ? "SEK" : "EUR", CurrencyRate = swedish ? 11.4237m : 1m,
            OrderStatus = OrderStatus.Pending, PaymentStatus = index % 4 == 0 ? PaymentStatus.Paid : PaymentStatus.Pending,
            CustomerLanguageId = swedish ? 2 : 1, CreatedOnUtc = DateTime.UtcNow, PaymentMethodSystemName = "Payments.Manual"
        };
        var lines = linesPerOrder > 0 ? linesPerOrder : 1 + index % 3;
        decimal gross = 0;
        var taxByRate = new SortedDictionary<decimal, decimal> { [22m] = 1.10m };
        for (var line = 0; line < lines; line++)
        {
            var productId = 501 + (index + line) % 3;
            var unit = productId switch { 501 => 10m, 502 => 30m, _ => 25m };
            var quantity = 1 + line % 2;
            var lineGross = unit * quantity;
            // The moka pot is a household good at Italy's reduced rate, so many orders carry two rates.
            var taxRate = productId == 502 ? 10m : 22m;
            var lineNet = decimal.Round(lineGross / (1m + taxRate / 100m), 2);
            shop.OrderItems.Add(new OrderItem
            {
                Id = orderId * 100 + line, OrderId = orderId, ProductId = productId, Quantity = quantity,
                PriceInclTax = lineGross, PriceExclTax = lineNet,
                AttributesXml = productId == 503 ? Size(line % 2 == 0 ? "M" : "XL") : null!
            });
            gross += lineGross;
            taxByRate[taxRate] = taxByRate.GetValueOrDefault(taxRate) + lineGross - lineNet;
        }
        var discount = index % 5 == 1 ? decimal.Round(gross * 0.10m, 2) : 0m;
        if (discount > 0)
            shop.DiscountUsages.Add(new DiscountUsageHistory { Id = orderId, DiscountId = 1, OrderId = orderId });
        order.OrderShippingInclTax = 6.10m;
        order.OrderShippingExclTax = 5m;
        order.OrderDiscount = discount;
        order.TaxRates = TaxRateText.Format(taxByRate);
        // Every fourth order from the second one is paid partly with a gift card.
        var giftCard = index % 4 == 1 ? 15m : 0m;
        if (giftCard > 0)
            shop.GiftCardUsages.Add(new GiftCardUsageHistory { Id = orderId, UsedWithOrderId = orderId, UsedValue = giftCard });
        order.OrderTotal = gross + 6.10m - discount - giftCard;
        shop.Orders.Add(order);
    }
}
