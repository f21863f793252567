using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders;

public interface IColumnTypeSyntax<TNext> : IFluentSyntax
    where TNext : IFluentSyntax
{
    TNext AsCustom(string customType);

    TNext AsDateTime2();

    TNext AsInt64();

    TNext AsString(int size);
}
