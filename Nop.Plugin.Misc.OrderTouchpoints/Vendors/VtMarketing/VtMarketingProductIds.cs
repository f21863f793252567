using System.Globalization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

/// <summary>
/// The one rule for the product id VTmarketing sees: <c>items[].id</c> of order events and the ID column
/// of the product feed both come from here, so its reports can join orders to products.
/// </summary>
public static class VtMarketingProductIds
{
    /// <param name="sku">The SKU to publish in SKU mode: for an order line the attribute-combination SKU
    /// when it has one, else the product's; in the feed the SKU of the row's product or combination.</param>
    public static string For(int productId, string? sku, ProductIdSource source) =>
        source == ProductIdSource.Sku && !string.IsNullOrWhiteSpace(sku)
            ? sku.Trim()
            : productId.ToString(CultureInfo.InvariantCulture);
}
