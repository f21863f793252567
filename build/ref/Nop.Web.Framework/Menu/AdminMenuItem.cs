namespace Nop.Web.Framework.Menu;

public partial class AdminMenuItem
{
    public AdminMenuItem()
    {
        ChildNodes = new List<AdminMenuItem>();
    }

    public AdminMenuItem GetItemBySystemName(string systemName)
    {
        if (string.IsNullOrEmpty(systemName))
            return null;
        return SystemName == systemName ? this : ChildNodes.Select(child => child.GetItemBySystemName(systemName)).FirstOrDefault(found => found is not null);
    }

    public IList<string> PermissionNames { get; set; }

    public string SystemName { get; set; }

    public string Title { get; set; }

    public string Url { get; set; }

    public IList<AdminMenuItem> ChildNodes { get; set; }

    public string IconClass { get; set; }
}
