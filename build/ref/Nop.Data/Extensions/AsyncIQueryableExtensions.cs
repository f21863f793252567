using System.Linq.Expressions;
using Nop.Core;

namespace System.Linq;

public static class AsyncIQueryableExtensions
{
    public static Task<bool> AnyAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate = null) => throw null;

    public static Task<List<TSource>> ToListAsync<TSource>(this IQueryable<TSource> source) => throw null;

    public static Task<IPagedList<T>> ToPagedListAsync<T>(this IQueryable<T> source, int pageIndex, int pageSize, bool getOnlyTotalCount = false) => throw null;
}
