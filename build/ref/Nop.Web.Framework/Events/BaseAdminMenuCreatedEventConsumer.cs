using Nop.Services.Events;
using Nop.Services.Plugins;
using Nop.Web.Framework.Menu;

namespace Nop.Web.Framework.Events;

public abstract class BaseAdminMenuCreatedEventConsumer : IConsumer<AdminMenuCreatedEvent>
{
    protected readonly IPluginManager<IPlugin> _pluginManager;

    protected BaseAdminMenuCreatedEventConsumer(IPluginManager<IPlugin> pluginManager)
    {
        _pluginManager = pluginManager;
    }

    protected virtual Task<bool> CheckAccessAsync() => Task.FromResult(true);

    protected virtual Task<AdminMenuItem> GetAdminMenuItemAsync(IPlugin plugin) => Task.FromResult<AdminMenuItem>(null);

    public virtual async Task HandleEventAsync(AdminMenuCreatedEvent eventMessage)
    {
        if (!await CheckAccessAsync())
            return;
        if (await _pluginManager.LoadPluginBySystemNameAsync(PluginSystemName) is not { } plugin)
            return;
        if (await GetAdminMenuItemAsync(plugin) is not { } item)
            return;
        var root = eventMessage.RootMenuItem;
        _ = InsertType switch
        {
            MenuItemInsertType.After => root.InsertAfter(AfterMenuSystemName, item),
            MenuItemInsertType.Before => root.InsertBefore(BeforeMenuSystemName, item),
            MenuItemInsertType.TryAfterThanBefore => root.InsertAfter(AfterMenuSystemName, item) || root.InsertBefore(BeforeMenuSystemName, item),
            MenuItemInsertType.TryBeforeThanAfter => root.InsertBefore(BeforeMenuSystemName, item) || root.InsertAfter(AfterMenuSystemName, item),
            _ => throw new ArgumentOutOfRangeException()
        };
    }

    protected abstract string PluginSystemName { get; }

    protected virtual MenuItemInsertType InsertType => MenuItemInsertType.Before;

    protected virtual string AfterMenuSystemName => string.Empty;

    protected virtual string BeforeMenuSystemName => string.Empty;
}
