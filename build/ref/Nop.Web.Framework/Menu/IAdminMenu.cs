namespace Nop.Web.Framework.Menu;

public partial interface IAdminMenu
{
}
