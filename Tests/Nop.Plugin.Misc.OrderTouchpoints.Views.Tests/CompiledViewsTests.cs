using Microsoft.AspNetCore.Razor.Hosting;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;
using Nop.Plugin.Misc.OrderTouchpoints.Models.DeliveryLog;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Health;
using Nop.Web.Framework.Mvc.Razor;

namespace Nop.Plugin.Misc.OrderTouchpoints.Views.Tests;

/// <summary>
/// The views are compiled by this project's build (a compile error fails the build); these tests make
/// sure every view file really took part and was compiled the way nopCommerce will compile it.
/// </summary>
public class CompiledViewsTests
{
    private static readonly IReadOnlyList<RazorCompiledItem> Compiled =
        new RazorCompiledItemLoader().LoadItems(typeof(CompiledViewsTests).Assembly);

    [Test]
    public void The_plugin_has_views_to_compile()
    {
        Assert.That(PluginViews.Identifiers(), Does.Contain("/Views/Configure.cshtml").And.Contain("/Views/_ViewImports.cshtml"));
    }

    [Test]
    public void Every_view_file_of_the_plugin_is_compiled()
    {
        var compiled = Compiled.Select(i => i.Identifier).ToList();
        Assert.That(compiled, Is.EquivalentTo(PluginViews.Identifiers()));
    }

    [Test]
    public void Views_derive_from_nopCommerce_razor_page_as_the_host_compiles_them()
    {
        var pages = Compiled.Where(i => i.Kind == "mvc.1.0.view" && !i.Identifier.EndsWith("/_ViewImports.cshtml")).ToList();
        Assert.That(pages, Is.Not.Empty);
        foreach (var page in pages)
            Assert.That(IsNopRazorPage(page.Type), Is.True, page.Identifier);
    }

    [TestCase("/Views/Configure.cshtml", typeof(ConfigurationModel))]
    [TestCase("/Views/_Transactionale.cshtml", typeof(ConfigurationModel))]
    [TestCase("/Views/_Voyado.cshtml", typeof(ConfigurationModel))]
    [TestCase("/Views/_VtMarketing.cshtml", typeof(ConfigurationModel))]
    [TestCase("/Views/_Delivery.cshtml", typeof(ConfigurationModel))]
    [TestCase("/Views/_Preview.cshtml", typeof(ConfigurationModel))]
    [TestCase("/Views/_ApiKey.cshtml", typeof(VendorModel))]
    [TestCase("/Views/DeliveryLog.cshtml", typeof(DeliveryLogSearchModel))]
    [TestCase("/Views/_DeliveryHealth.cshtml", typeof(DeliveryHealthModel))]
    [TestCase("/Views/_DashboardHealth.cshtml", typeof(DeliveryHealthModel))]
    public void View_is_typed_to_its_model(string identifier, Type model)
    {
        var item = Compiled.Single(i => i.Identifier == identifier);
        Assert.That(item.Type.BaseType, Is.EqualTo(typeof(NopRazorPage<>).MakeGenericType(model)));
    }

    /// <summary>The element ids browser tests rely on (README, "Checking it in a browser") stay in the views.</summary>
    [TestCase("/Views/_DeliveryHealth.cshtml", "id=\"ot-health\"", "id=\"ot-health-chart-@vendor.Key\"", "data-ot-health-chart=",
        "id=\"ot-health-@(vendor.Key)-delivered\"", "id=\"ot-health-@(vendor.Key)-failed\"", "id=\"ot-health-@(vendor.Key)-waiting\"",
        "id=\"ot-health-@(vendor.Key)-oldest-waiting\"", "id=\"ot-health-@(vendor.Key)-last-delivery\"", "id=\"ot-health-@(vendor.Key)-state\"",
        "id=\"ot-health-period-hours\"", "id=\"ot-health-period-days\"", "~/lib_npm/chart.js/chart.umd.min.js")]
    [TestCase("/Views/_DashboardHealth.cshtml", "id=\"ot-dashboard-health\"", "id=\"ot-dashboard-health-@(vendor.Key)-delivered\"",
        "id=\"ot-dashboard-health-@(vendor.Key)-failed\"", "id=\"ot-dashboard-health-@(vendor.Key)-waiting\"",
        "id=\"ot-dashboard-health-@(vendor.Key)-state\"", "id=\"ot-dashboard-health-open-log\"")]
    [TestCase("/Views/DeliveryLog.cshtml", "_DeliveryHealth.cshtml", "NopHtml.SetActiveMenuItemSystemName(")]
    [TestCase("/Views/Configure.cshtml", "id=\"order-touchpoints-save\"")]
    [TestCase("/Views/_Transactionale.cshtml", "id=\"ot-test-connection-transactionale\"")]
    [TestCase("/Views/_Voyado.cshtml", "id=\"ot-test-connection-voyadoengage\"")]
    [TestCase("/Views/_VtMarketing.cshtml", "id=\"ot-test-connection-vtmarketing\"")]
    [TestCase("/Views/_VtMarketingFeed.cshtml", "id=\"ot-new-feed-token\"")]
    public void Views_keep_the_element_ids_browser_tests_use(string identifier, params string[] fragments)
    {
        var source = PluginViews.Sources().Single(s => s.Identifier == identifier).Source;
        foreach (var fragment in fragments)
            Assert.That(source, Does.Contain(fragment), identifier);
    }

    private static bool IsNopRazorPage(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(NopRazorPage<>))
                return true;
        }
        return false;
    }
}
