using Nop.Core;
using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
using Nop.Services.Localization;
using Nop.Services.Plugins;
using Nop.Services.Security;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Menu;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

/// <summary>
/// The menu item comes through nopCommerce's BaseAdminMenuCreatedEventConsumer: nothing while the plugin is
/// not fully installed (the plugin manager then finds no plugin by that system name). nopCommerce 4.90 builds
/// the whole menu, publishes AdminMenuCreatedEvent, then hides every item whose PermissionNames the admin
/// lacks: the item's permission is what keeps it from other admins.
/// </summary>
public class AdminMenuTests
{
    private static AdminMenuItem Menu(params (string Parent, string[] Children)[] topLevel) => new()
    {
        SystemName = "Home",
        ChildNodes = topLevel.Select(node => new AdminMenuItem
        {
            SystemName = node.Parent,
            ChildNodes = node.Children.Select(child => new AdminMenuItem { SystemName = child }).ToList()
        }).ToList()
    };

    private static async Task<AdminMenuItem> PublishAsync(AdminMenuItem root, bool installed = true)
    {
        var plugins = new Mock<IPluginManager<IPlugin>>();
        plugins.Setup(p => p.LoadPluginBySystemNameAsync("Misc.OrderTouchpoints", null, 0))
            .ReturnsAsync(installed ? Mock.Of<IPlugin>() : null!);
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => ConfigurePageHost.English(key));
        var webHelper = new Mock<IWebHelper>();
        webHelper.Setup(w => w.GetStoreLocation(null)).Returns("https://shop.example/");
        await new DeliveryLogMenuConsumer(plugins.Object, localization.Object, webHelper.Object)
            .HandleEventAsync(new AdminMenuCreatedEvent(Mock.Of<IAdminMenu>(), root));
        return root;
    }

    private static readonly (string, string[]) Promotions = ("Promotions", ["Discounts", "Affiliates", "Campaigns"]);
    private static readonly (string, string[]) Plugins = ("Third party plugins", []);

    [Test]
    public async Task The_delivery_log_goes_under_promotions_after_campaigns_for_those_who_may_manage_plugins()
    {
        var root = await PublishAsync(Menu(("Catalog", []), Promotions, ("Configuration", []), Plugins));

        var item = root.GetItemBySystemName(DeliveryLogMenuConsumer.SystemName);
        Assert.That(root.GetItemBySystemName("Promotions").ChildNodes.Select(i => i.SystemName),
            Is.EqualTo(new[] { "Discounts", "Affiliates", "Campaigns", DeliveryLogMenuConsumer.SystemName }));
        Assert.That((item.Title, item.Url), Is.EqualTo(("Order touchpoints log", "https://shop.example/Admin/OrderTouchpointsDeliveryLog/List")));
        Assert.That(item.PermissionNames, Is.EqualTo(new[] { StandardPermission.Configuration.MANAGE_PLUGINS }));
    }

    [Test]
    public async Task Without_campaigns_it_goes_just_before_the_plugins_menu()
    {
        var root = await PublishAsync(Menu(("Catalog", []), Plugins));

        Assert.That(root.ChildNodes.Select(i => i.SystemName),
            Is.EqualTo(new[] { "Catalog", DeliveryLogMenuConsumer.SystemName, "Third party plugins" }));
    }

    [Test]
    public async Task Nothing_is_added_while_the_plugin_is_not_fully_installed()
    {
        var root = await PublishAsync(Menu(Promotions, Plugins), installed: false);

        Assert.That(root.GetItemBySystemName(DeliveryLogMenuConsumer.SystemName), Is.Null);
    }
}
