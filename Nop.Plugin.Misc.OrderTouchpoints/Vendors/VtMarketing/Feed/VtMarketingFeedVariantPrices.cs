using Nop.Core.Domain.Catalog;
using Nop.Services.Catalog;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

/// <summary>
/// Price and DiscountPrice of an attribute combination's row: what the storefront asks for that combination before
/// any customer, coupon or cart discount. That is its overridden price, else the product's price plus the price
/// adjustments of the attribute values the combination selects.
/// </summary>
public class VtMarketingFeedVariantPrices(IProductAttributeParser productAttributeParser, IProductService productService)
{
    public async Task<(decimal Price, decimal DiscountPrice)> ForCombinationAsync(Product product, ProductAttributeCombination combination)
    {
        // The owner's own price for that combination: nopCommerce adds no adjustment to it, and the product's OldPrice,
        // set against the product's price, does not mark it reduced.
        if (combination.OverriddenPrice is decimal overridden)
            return (overridden, 0m);

        var price = product.Price;
        foreach (var value in await productAttributeParser.ParseProductAttributeValuesAsync(combination.AttributesXml))
            price += await AdjustmentAsync(product, value);
        // nopCommerce never asks less than 0, however large the negative adjustments.
        price = Math.Max(price, 0m);

        // OldPrice: a combination has none, and the product page keeps showing the product's OldPrice struck through
        // next to the price of whatever the customer picks. So the product's OldPrice is the adjusted variant's too,
        // a reduction only while it is above that variant's price; it is not shifted by the adjustment, since such a
        // "before" price would appear nowhere in the shop.
        return VtMarketingFeedPrice.From(price, product.OldPrice);
    }

    private async Task<decimal> AdjustmentAsync(Product product, ProductAttributeValue value)
    {
        switch (value.AttributeValueType)
        {
            case AttributeValueType.Simple when value.PriceAdjustmentUsePercentage:
                // Of the catalogue price (the storefront takes the visitor's discounted price; the feed has no visitor),
                // in single precision as nopCommerce computes it, so the feed and the product page agree.
                return (decimal)((float)product.Price * (float)value.PriceAdjustment / 100f);
            case AttributeValueType.Simple:
                return value.PriceAdjustment;
            case AttributeValueType.AssociatedToProduct:
                // The bundled product's catalogue price too, once per unit the value bundles.
                var bundled = await productService.GetProductByIdAsync(value.AssociatedProductId);
                return bundled is null ? 0m : bundled.Price * value.Quantity;
            default:
                return 0m;
        }
    }
}
