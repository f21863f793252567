namespace Nop.Core;

public partial interface IWebHelper
{
    string GetStoreLocation(bool? useSsl = null);
}
