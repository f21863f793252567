using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Delete.Index;

public interface IDeleteIndexOnColumnSyntax : IFluentSyntax
{
}
