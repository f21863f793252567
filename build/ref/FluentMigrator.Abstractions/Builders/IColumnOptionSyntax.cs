using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders;

public interface IColumnOptionSyntax<TNext, TNextFk> : IFluentSyntax
    where TNext : IFluentSyntax
    where TNextFk : IFluentSyntax
{
    TNext WithDefaultValue(object value);

    TNext Nullable();

    TNext NotNullable();
}
