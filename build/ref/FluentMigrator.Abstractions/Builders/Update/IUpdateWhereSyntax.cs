using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Update;

public interface IUpdateWhereSyntax : IFluentSyntax
{
    void Where(object dataAsAnonymousType);
}
