using FluentMigrator.Builders.Alter;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.IfDatabase;
using FluentMigrator.Builders.Schema;

namespace FluentMigrator;

public abstract class MigrationBase
{
    public abstract void Up();

    public abstract void Down();

    public IAlterExpressionRoot Alter => throw null;

    public ICreateExpressionRoot Create => throw null;

    public ISchemaExpressionRoot Schema => throw null;

    public IIfDatabaseExpressionRoot IfDatabase(params string[] databaseType) => throw null;
}
