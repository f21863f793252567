namespace Nop.Services.Security;

public partial interface IPermissionService
{
    Task<bool> AuthorizeAsync(string permissionRecordSystemName);
}
