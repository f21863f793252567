namespace Nop.Web.Framework.Models.DataTables;

public partial class ColumnProperty
{
    public ColumnProperty(string data)
    {
    }

    public string Title { get; set; }

    public IRender Render { get; set; }

    public string Width { get; set; }

    public bool IsMasterCheckBox { get; set; }

    public string ClassName { get; set; }
}
