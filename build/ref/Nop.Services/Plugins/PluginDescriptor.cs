namespace Nop.Services.Plugins;

public partial class PluginDescriptor
{
    public virtual string FriendlyName { get; set; }

    public virtual bool Installed { get; set; }
}
