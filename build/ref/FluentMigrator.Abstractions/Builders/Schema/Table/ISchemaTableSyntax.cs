using FluentMigrator.Builders.Schema.Column;
using FluentMigrator.Builders.Schema.Index;

namespace FluentMigrator.Builders.Schema.Table;

public interface ISchemaTableSyntax
{
    bool Exists();

    ISchemaColumnSyntax Column(string columnName);

    ISchemaIndexSyntax Index(string indexName);
}
