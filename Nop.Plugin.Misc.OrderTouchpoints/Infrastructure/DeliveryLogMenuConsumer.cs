using Nop.Services.Events;
using Nop.Services.Localization;
using Nop.Services.Security;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Menu;

namespace Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;

/// <summary>
/// Puts the delivery log under Promotions (the vendors are marketing tools), or under the plugins menu
/// if a store removed that node. The item names its permission: nopCommerce hides menu items whose
/// permissions the admin lacks after this event, so only those who may manage plugins see it.
/// </summary>
public class DeliveryLogMenuConsumer(ILocalizationService localizationService) : IConsumer<AdminMenuCreatedEvent>
{
    public const string SystemName = "Misc.OrderTouchpoints.DeliveryLog";
    public const string PreferredParent = "Promotions";
    public const string FallbackParent = "Third party plugins";

    public async Task HandleEventAsync(AdminMenuCreatedEvent eventMessage)
    {
        var root = eventMessage.RootMenuItem;
        var parent = root.GetItemBySystemName(PreferredParent) ?? root.GetItemBySystemName(FallbackParent);
        if (parent is null || parent.GetItemBySystemName(SystemName) is not null)
            return;
        parent.ChildNodes.Add(new AdminMenuItem
        {
            SystemName = SystemName,
            Title = await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.DeliveryLog.MenuTitle"),
            Url = eventMessage.GetMenuItemUrl("OrderTouchpointsDeliveryLog", "List"),
            IconClass = "far fa-dot-circle",
            PermissionNames = [StandardPermission.Configuration.MANAGE_PLUGINS]
        });
    }
}
