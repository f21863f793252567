namespace Nop.Services.Plugins;

public partial interface IPlugin
{
    PluginDescriptor PluginDescriptor { get; set; }

    string GetConfigurationPageUrl();

    Task InstallAsync();

    Task InstallSampleDataAsync();

    Task UninstallAsync();

    Task UpdateAsync(string currentVersion, string targetVersion);

    Task PreparePluginToUninstallAsync();
}
