namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

/// <summary>
/// Price and DiscountPrice columns from nopCommerce catalogue data (primary store currency, as entered).
/// nopCommerce marks a reduced price with <c>OldPrice</c>: the storefront shows OldPrice struck through
/// next to Price whenever OldPrice is above Price. That is VTmarketing's "price before / discounted
/// price" pair, so Price = OldPrice and DiscountPrice = Price then; otherwise DiscountPrice is 0.
/// Discounts that depend on the customer, a coupon or the cart are not catalogue prices and not included.
/// </summary>
public static class VtMarketingFeedPrice
{
    public static (decimal Price, decimal DiscountPrice) From(decimal price, decimal oldPrice) =>
        oldPrice > price ? (oldPrice, price) : (price, 0m);
}
