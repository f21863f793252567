using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Update;

public interface IUpdateSetSyntax : IFluentSyntax
{
    IUpdateWhereSyntax Set(object dataAsAnonymousType);
}
