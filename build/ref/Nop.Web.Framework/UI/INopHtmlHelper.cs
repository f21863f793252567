namespace Nop.Web.Framework.UI;

public partial interface INopHtmlHelper
{
    void SetActiveMenuItemSystemName(string systemName);
}
