using FluentMigrator.Builders.Delete.Index;
using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Delete;

public interface IDeleteExpressionRoot : IFluentSyntax
{
    IDeleteIndexForTableSyntax Index(string indexName);
}
