using Nop.Core;
using Nop.Services.Localization;
using Nop.Services.Plugins;
using Nop.Services.Security;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Menu;

namespace Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;

/// <summary>
/// Puts the delivery log under Promotions, after Campaigns (the vendors are marketing tools), or before the
/// plugins menu if a store removed that node. nopCommerce's base consumer adds nothing while the plugin is
/// not fully installed. The item names its permission: nopCommerce hides menu items whose permissions the
/// admin lacks after this event, so only those who may manage plugins see it. The log page marks it active
/// by <see cref="SystemName"/>.
/// </summary>
public class DeliveryLogMenuConsumer(
    IPluginManager<IPlugin> pluginManager,
    ILocalizationService localizationService,
    IWebHelper webHelper) : BaseAdminMenuCreatedEventConsumer(pluginManager)
{
    public const string SystemName = "Misc.OrderTouchpoints.DeliveryLog";
    public const string PreferredSibling = "Campaigns";
    public const string FallbackSibling = "Third party plugins";

    protected override string PluginSystemName => OrderTouchpointsDefaults.SystemName;

    protected override MenuItemInsertType InsertType => MenuItemInsertType.TryAfterThanBefore;

    protected override string AfterMenuSystemName => PreferredSibling;

    protected override string BeforeMenuSystemName => FallbackSibling;

    protected override async Task<AdminMenuItem> GetAdminMenuItemAsync(IPlugin plugin) => new()
    {
        SystemName = SystemName,
        Title = await localizationService.GetResourceAsync("Plugins.Misc.OrderTouchpoints.DeliveryLog.MenuTitle"),
        Url = $"{webHelper.GetStoreLocation()}{OrderTouchpointsDefaults.DeliveryLogPath}",
        IconClass = "far fa-dot-circle",
        PermissionNames = [StandardPermission.Configuration.MANAGE_PLUGINS]
    };
}
