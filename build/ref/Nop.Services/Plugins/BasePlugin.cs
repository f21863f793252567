namespace Nop.Services.Plugins;

public abstract partial class BasePlugin : IPlugin
{
    public virtual PluginDescriptor PluginDescriptor { get; set; }

    public virtual string GetConfigurationPageUrl() => null;

    public virtual Task InstallAsync() => Task.CompletedTask;

    public virtual Task InstallSampleDataAsync() => Task.CompletedTask;

    public virtual Task UninstallAsync() => Task.CompletedTask;

    public virtual Task UpdateAsync(string currentVersion, string targetVersion) => Task.CompletedTask;

    public virtual Task PreparePluginToUninstallAsync() => Task.CompletedTask;
}
