using System.Globalization;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

/// <summary>
/// The one rule for the product id VTmarketing sees. Order events and the product feed must both use it:
/// VTmarketing matches <c>items[].id</c> against the feed's <c>ID</c> column, and a mismatch silently
/// drops the sale from its product reports.
/// </summary>
public static class VtMarketingProductIds
{
    /// <summary>
    /// <paramref name="sku"/> is the SKU of what was sold or is listed: a variant's attribute-combination
    /// SKU when it has one, else the product's SKU. With <see cref="ProductIdSource.Sku"/> and no SKU the
    /// product id is used, so every row and item still has an id.
    /// </summary>
    public static string For(ProductIdSource source, int productId, string? sku) =>
        source == ProductIdSource.Sku && !string.IsNullOrWhiteSpace(sku)
            ? sku.Trim()
            : productId.ToString(CultureInfo.InvariantCulture);

    public static string For(ProductIdSource source, OrderLine line) => For(source, line.ProductId, line.ProductSku);
}
