namespace Nop.Services;

[System.AttributeUsage(System.AttributeTargets.Class, AllowMultiple = false)]
public partial class MigrationAttribute : Attribute
{
    public MigrationAttribute(string dateTime, string description) { }

    public string Description { get { throw null; } }
}
