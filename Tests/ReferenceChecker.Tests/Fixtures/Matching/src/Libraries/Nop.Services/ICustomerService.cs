using Nop.Core;
using Nop.Core.Domain;

namespace Nop.Services;

public partial interface ICustomerService
{
    Task<IPagedList<Customer>> GetAllCustomersAsync(DateTime? createdFromUtc = null,
        int pageIndex = 0, int pageSize = int.MaxValue, string? email = null);
}

public partial interface IPagedList<T> : IList<T>
{
    int TotalCount { get; }
}

public record CustomerInfo(string Name, int? Age);
