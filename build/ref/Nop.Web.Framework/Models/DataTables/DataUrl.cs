using Microsoft.AspNetCore.Routing;

namespace Nop.Web.Framework.Models.DataTables;

public partial class DataUrl
{
    public DataUrl(string actionName, string controllerName, RouteValueDictionary routeValues)
    {
    }

    public DataUrl(string url, string dataId)
    {
    }
}
