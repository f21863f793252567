namespace Nop.Web.Framework.Menu;

public partial class AdminMenuItem
{
    protected IList<string> _permissionNames;

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

    public IList<string> PermissionNames
    {
        get => _permissionNames ?? (ChildNodes.Any() ? ChildNodes.SelectMany(child => child.PermissionNames).ToList() : []);
        set => _permissionNames = value;
    }

    public string SystemName { get; set; }

    public string Title { get; set; }

    public string Url { get; set; }

    public IList<AdminMenuItem> ChildNodes { get; set; }

    public string IconClass { get; set; }
}
