using Nop.Core;
using Nop.Core.Domain.Catalog;

namespace Nop.Services.Catalog;

public partial interface IProductAttributeService
{
    Task<IPagedList<ProductAttribute>> GetAllProductAttributesAsync(string name = null, int pageIndex = 0, int pageSize = int.MaxValue);

    Task<IList<ProductAttributeMapping>> GetProductAttributeMappingsByProductIdAsync(int productId);

    Task<IList<ProductAttributeValue>> GetProductAttributeValuesAsync(int productAttributeMappingId);

    Task<IList<ProductAttributeCombination>> GetAllProductAttributeCombinationsAsync(int productId);
}
