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
            ? Normalize(sku)
            : productId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// VTmarketing's feed guide asks for ids "lowercase and all spaces replaced with underscore"; doing it here
    /// keeps the feed's ID and the events' items[].id identical ("Tee XL" → "tee_xl").
    /// </summary>
    public static string Normalize(string id)
    {
        var trimmed = id.Trim().ToLowerInvariant();
        return string.Create(trimmed.Length, trimmed, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = char.IsWhiteSpace(source[i]) ? '_' : source[i];
        });
    }

    public static string For(ProductIdSource source, OrderLine line) => For(source, line.ProductId, line.ProductSku);
}
