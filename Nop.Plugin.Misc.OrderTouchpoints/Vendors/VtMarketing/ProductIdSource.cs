namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

/// <summary>Which product identifier VTmarketing sees, in order events and in the product feed alike.</summary>
public enum ProductIdSource
{
    /// <summary>nopCommerce product id: plain digits, which VTmarketing keeps as they are.</summary>
    ProductId = 0,
    /// <summary>Product SKU (falls back to the product id when a product has none).</summary>
    Sku = 1
}
