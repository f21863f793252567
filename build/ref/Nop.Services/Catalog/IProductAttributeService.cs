using Nop.Core.Domain.Catalog;

namespace Nop.Services.Catalog;

public partial interface IProductAttributeService
{
    Task<IList<ProductAttributeCombination>> GetAllProductAttributeCombinationsAsync(int productId);
}
