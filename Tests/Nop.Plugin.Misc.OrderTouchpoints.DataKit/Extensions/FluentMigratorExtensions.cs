using FluentMigrator.Builders.Create;
using Nop.Core;
using Nop.Plugin.Misc.OrderTouchpoints.DataKit;

namespace Nop.Data.Extensions;

/// <summary>nopCommerce's table creation from an entity, as <see cref="EntityTable"/> describes it.</summary>
public static class FluentMigratorExtensions
{
    public static void TableFor<TEntity>(this ICreateExpressionRoot expressionRoot) where TEntity : BaseEntity =>
        EntityTable.Write(expressionRoot, typeof(TEntity));
}
