using FluentMigrator.Builders.Create;

namespace FluentMigrator;

public abstract class MigrationBase
{
    public abstract void Up();

    public abstract void Down();

    public ICreateExpressionRoot Create => throw null;
}
