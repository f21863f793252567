using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Create.Index;

public interface ICreateIndexOnColumnSyntax : IFluentSyntax
{
    ICreateIndexColumnOptionsSyntax OnColumn(string columnName);

    ICreateIndexOptionsSyntax WithOptions();
}
