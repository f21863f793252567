using Nop.Core.Domain.Catalog;
using Nop.Services.Catalog;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

/// <summary>
/// The Stock column. Where nopCommerce keeps a product's stock depends on its inventory method: on the product (or,
/// with multiple warehouses, on its warehouses), on its attribute combinations, or nowhere when it is not tracked.
/// </summary>
public class VtMarketingFeedStock(IProductService productService, IProductAttributeService productAttributeService)
{
    /// <summary>
    /// The Stock of a product whose inventory is not tracked. nopCommerce always sells it and VTmarketing reads 0 as
    /// out of stock, so it gets a quantity no real shelf shows, far above any low-stock threshold.
    /// </summary>
    public const int UntrackedStock = 9999;

    public async Task<int> ForProductAsync(Product product) =>
        product.ManageInventoryMethod switch
        {
            // nopCommerce's own figure: with multiple warehouses their stock less what is reserved, not StockQuantity.
            ManageInventoryMethod.ManageStock => await productService.GetTotalStockQuantityAsync(product),
            ManageInventoryMethod.ManageStockByAttributes =>
                CombinationsTotal(await productAttributeService.GetAllProductAttributeCombinationsAsync(product.Id)),
            _ => UntrackedStock
        };

    /// <summary>A variation row's Stock: its combination's when the product is tracked by attributes, else the product row's.</summary>
    public static int ForCombination(Product product, ProductAttributeCombination combination, int productStock) =>
        product.ManageInventoryMethod == ManageInventoryMethod.ManageStockByAttributes ? combination.StockQuantity : productStock;

    // A combination sold below zero owes units to its backorders; it takes none from the other combinations.
    private static int CombinationsTotal(IEnumerable<ProductAttributeCombination> combinations) =>
        combinations.Sum(c => Math.Max(c.StockQuantity, 0));
}
