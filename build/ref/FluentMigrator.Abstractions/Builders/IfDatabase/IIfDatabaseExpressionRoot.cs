using FluentMigrator.Builders.Alter;

namespace FluentMigrator.Builders.IfDatabase;

public interface IIfDatabaseExpressionRoot
{
    IAlterExpressionRoot Alter { get; }
}
