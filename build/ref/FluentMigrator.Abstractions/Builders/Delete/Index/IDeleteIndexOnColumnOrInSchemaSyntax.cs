namespace FluentMigrator.Builders.Delete.Index;

public interface IDeleteIndexOnColumnOrInSchemaSyntax : IDeleteIndexOnColumnSyntax
{
}
