namespace Nop.Web.Framework.Models.DataTables;

public partial record DataTablesModel : BaseNopModel
{
    public DataTablesModel()
    {
        Filters = new List<FilterParameter>();
        ColumnCollection = new List<ColumnProperty>();
    }

    public string Name { get; set; }

    public DataUrl UrlRead { get; set; }

    public string SearchButtonId { get; set; }

    public IList<FilterParameter> Filters { get; set; }

    public int Length { get; set; }

    public string LengthMenu { get; set; }

    public IList<ColumnProperty> ColumnCollection { get; set; }
}
