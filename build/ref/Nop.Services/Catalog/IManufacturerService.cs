using Nop.Core.Domain.Catalog;

namespace Nop.Services.Catalog;

public partial interface IManufacturerService
{
    Task<IList<Manufacturer>> GetManufacturersByIdsAsync(int[] manufacturerIds);

    Task<IDictionary<int, int[]>> GetProductManufacturerIdsAsync(int[] productIds);
}
