namespace FluentMigrator.Builders.Alter.Table;

public interface IAlterTableAddColumnOrAlterColumnOrSchemaSyntax : IAlterTableAddColumnOrAlterColumnSyntax
{
}
