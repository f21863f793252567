using FluentMigrator.Builders.Schema.Column;

namespace FluentMigrator.Builders.Schema.Table;

public interface ISchemaTableSyntax
{
    ISchemaColumnSyntax Column(string columnName);
}
