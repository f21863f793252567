using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Create.Index;

public interface ICreateIndexForTableSyntax : IFluentSyntax
{
    ICreateIndexOnColumnOrInSchemaSyntax OnTable(string tableName);
}
