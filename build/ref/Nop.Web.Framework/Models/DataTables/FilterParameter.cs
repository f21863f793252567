namespace Nop.Web.Framework.Models.DataTables;

public partial class FilterParameter
{
    public FilterParameter(string name)
    {
    }
}
