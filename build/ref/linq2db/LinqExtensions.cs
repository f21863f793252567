using System.Linq.Expressions;
using LinqToDB.Linq;

namespace LinqToDB;

public static partial class LinqExtensions
{
    public static IUpdatable<T> Set<T,TV>(this IQueryable<T> source, Expression<Func<T,TV>> extract, Expression<Func<T,TV>> update) => throw null;

    public static IUpdatable<T> Set<T,TV>(this IUpdatable<T> source, Expression<Func<T,TV>> extract, Expression<Func<T,TV>> update) => throw null;

    public static IUpdatable<T> Set<T,TV>(this IQueryable<T> source, Expression<Func<T,TV>> extract, TV value) => throw null;

    public static IUpdatable<T> Set<T,TV>(this IUpdatable<T> source, Expression<Func<T,TV>> extract, TV value) => throw null;

    public static Task<int> UpdateAsync<T>(this IUpdatable<T> source, CancellationToken token = default) => throw null;
}
