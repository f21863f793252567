namespace FluentMigrator;

public abstract class AutoReversingMigration : MigrationBase
{
    public sealed override void Down()
    {
    }
}
