using FluentMigrator.Builders.Delete;
using FluentMigrator.Builders.Update;

namespace FluentMigrator;

public abstract class Migration : MigrationBase
{
    public IDeleteExpressionRoot Delete => throw null;

    public IUpdateExpressionRoot Update => throw null;
}
