namespace FluentMigrator.Builders.Update;

public interface IUpdateSetOrInSchemaSyntax : IUpdateSetSyntax
{
}
