using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Update;

public interface IUpdateExpressionRoot : IFluentSyntax
{
    IUpdateSetOrInSchemaSyntax Table(string tableName);
}
