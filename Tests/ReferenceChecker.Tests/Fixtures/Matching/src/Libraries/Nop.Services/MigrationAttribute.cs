namespace Nop.Services;

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public partial class MigrationAttribute : Attribute
{
    public MigrationAttribute(string dateTime, string description)
    {
        Description = description;
    }

    public string Description { get; }
}
