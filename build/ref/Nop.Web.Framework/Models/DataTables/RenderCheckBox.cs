namespace Nop.Web.Framework.Models.DataTables;

public partial class RenderCheckBox : IRender
{
    public RenderCheckBox(string name, string propertyKeyName = "Id")
    {
    }
}
