using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
using Nop.Services.Localization;
using Nop.Services.Security;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Menu;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

/// <summary>
/// nopCommerce 4.90 builds the whole menu, publishes AdminMenuCreatedEvent, then hides every item whose
/// PermissionNames the admin lacks: the item's permission is what keeps it from other admins.
/// </summary>
public class AdminMenuTests
{
    private static AdminMenuItem Menu(params string[] topLevel) => new()
    {
        SystemName = "Home",
        ChildNodes = topLevel.Select(name => new AdminMenuItem { SystemName = name }).ToList()
    };

    private static async Task<AdminMenuItem> PublishAsync(AdminMenuItem root)
    {
        var menu = new Mock<IAdminMenu>();
        menu.Setup(m => m.GetMenuItemUrl(It.IsAny<string>(), It.IsAny<string>())).Returns((string controller, string action) => $"/Admin/{controller}/{action}");
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => ConfigurePageHost.English(key));
        await new DeliveryLogMenuConsumer(localization.Object).HandleEventAsync(new AdminMenuCreatedEvent(menu.Object, root));
        return root;
    }

    [Test]
    public async Task The_delivery_log_goes_under_promotions_for_those_who_may_manage_plugins()
    {
        var root = await PublishAsync(Menu("Catalog", "Promotions", "Configuration", "Third party plugins"));

        var item = root.GetItemBySystemName(DeliveryLogMenuConsumer.SystemName);
        Assert.That(root.GetItemBySystemName("Promotions").ChildNodes, Does.Contain(item));
        Assert.That((item.Title, item.Url), Is.EqualTo(("Order touchpoints log", "/Admin/OrderTouchpointsDeliveryLog/List")));
        Assert.That(item.PermissionNames, Is.EqualTo(new[] { StandardPermission.Configuration.MANAGE_PLUGINS }));
    }

    [Test]
    public async Task Without_a_promotions_menu_it_goes_under_the_plugins_menu()
    {
        var root = await PublishAsync(Menu("Catalog", "Third party plugins"));

        Assert.That(root.GetItemBySystemName("Third party plugins").ChildNodes.Select(i => i.SystemName),
            Is.EqualTo(new[] { DeliveryLogMenuConsumer.SystemName }));
    }

    [Test]
    public async Task It_is_added_once()
    {
        var root = await PublishAsync(await PublishAsync(Menu("Promotions")));

        Assert.That(root.GetItemBySystemName("Promotions").ChildNodes, Has.Count.EqualTo(1));
    }
}
