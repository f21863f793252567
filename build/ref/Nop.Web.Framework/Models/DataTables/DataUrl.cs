using Microsoft.AspNetCore.Routing;

namespace Nop.Web.Framework.Models.DataTables;

public partial class DataUrl
{
    public DataUrl(string actionName, string controllerName, RouteValueDictionary routeValues)
    {
        ActionName = actionName;
        ControllerName = controllerName;
        RouteValues = routeValues;
    }

    public DataUrl(string url, string dataId)
    {
        Url = url;
        DataId = dataId;
    }

    public string ActionName { get; set; }

    public string ControllerName { get; set; }

    public string Url { get; set; }

    public RouteValueDictionary RouteValues { get; set; }

    public string DataId { get; set; }
}
