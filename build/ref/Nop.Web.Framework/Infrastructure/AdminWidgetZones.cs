namespace Nop.Web.Framework.Infrastructure;

public static partial class AdminWidgetZones
{
    public static string DashboardTop => "admin_dashboard_top";
}
