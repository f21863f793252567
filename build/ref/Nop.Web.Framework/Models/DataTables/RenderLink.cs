namespace Nop.Web.Framework.Models.DataTables;

public partial class RenderLink : IRender
{
    public RenderLink(DataUrl url)
    {
    }
}
