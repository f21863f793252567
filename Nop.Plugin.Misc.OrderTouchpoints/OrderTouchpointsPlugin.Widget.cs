using Nop.Plugin.Misc.OrderTouchpoints.Components;
using Nop.Services.Cms;
using Nop.Web.Framework.Infrastructure;

namespace Nop.Plugin.Misc.OrderTouchpoints;

/// <summary>
/// The widget side of the plugin: VTmarketing's storefront tracking snippet, and the delivery-health card
/// on the admin dashboard. nopCommerce renders a widget
/// plugin only while its system name is in WidgetSettings.ActiveWidgetSystemNames; like nopCommerce's
/// bundled Brevo plugin (a misc plugin with a script widget) it adds itself there on install and hides
/// from the widget list, so the VTmarketing settings alone decide whether and where the snippet appears.
/// The zones are a fixed list: nopCommerce asks for them on every widget zone of every page, so they must
/// not cost a settings load; the view component decides per store whether it writes anything.
/// </summary>
public partial class OrderTouchpointsPlugin : IWidgetPlugin
{
    public static readonly IList<string> WidgetZones =
        [PublicWidgetZones.HeadHtmlTag, PublicWidgetZones.BodyEndHtmlTagBefore, AdminWidgetZones.DashboardTop];

    public bool HideInWidgetList => true;

    public Task<IList<string>> GetWidgetZonesAsync() => Task.FromResult(WidgetZones);

    public Type GetWidgetViewComponent(string widgetZone) =>
        widgetZone == AdminWidgetZones.DashboardTop ? typeof(DeliveryHealthDashboardViewComponent) : typeof(VtMarketingTrackingScriptViewComponent);
}
