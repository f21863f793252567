namespace Nop.Core;

public partial interface IStoreContext
{
    Task<int> GetActiveStoreScopeConfigurationAsync();
}
