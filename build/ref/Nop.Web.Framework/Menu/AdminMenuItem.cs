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

    public virtual bool InsertBefore(string itemSystemName, AdminMenuItem newMenuItem)
    {
        var index = ChildNodes.Select(child => child.SystemName).ToList().IndexOf(itemSystemName);
        if (index < 0)
            return ChildNodes.Any(child => child.InsertBefore(itemSystemName, newMenuItem));
        ChildNodes.Insert(index, newMenuItem);
        return true;
    }

    public virtual bool InsertAfter(string itemSystemName, AdminMenuItem newMenuItem)
    {
        var index = ChildNodes.Select(child => child.SystemName).ToList().IndexOf(itemSystemName);
        if (index < 0)
            return ChildNodes.Any(child => child.InsertAfter(itemSystemName, newMenuItem));
        ChildNodes.Insert(index + 1, newMenuItem);
        return true;
    }

    public IList<string> PermissionNames { get; set; }

    public string SystemName { get; set; }

    public string Title { get; set; }

    public string Url { get; set; }

    public IList<AdminMenuItem> ChildNodes { get; set; }

    public string IconClass { get; set; }
}
