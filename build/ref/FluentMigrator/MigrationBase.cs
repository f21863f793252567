using FluentMigrator.Builders.Alter;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Schema;

namespace FluentMigrator;

public abstract class MigrationBase
{
    public abstract void Up();

    public abstract void Down();

    public IAlterExpressionRoot Alter => throw null;

    public ICreateExpressionRoot Create => throw null;

    public ISchemaExpressionRoot Schema => throw null;
}
