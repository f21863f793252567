using System.Linq.Expressions;
using LinqToDB.Async;
using Nop.Core;
using Nop.Plugin.Misc.OrderTouchpoints.DataKit;

namespace System.Linq;

/// <summary>nopCommerce's async query extensions (declared in the reference surface), here executed by linq2db.</summary>
public static class AsyncIQueryableExtensions
{
    public static Task<bool> AnyAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate = null) =>
        predicate is null ? AsyncExtensions.AnyAsync(source) : AsyncExtensions.AnyAsync(source, predicate);

    public static Task<List<TSource>> ToListAsync<TSource>(this IQueryable<TSource> source) => AsyncExtensions.ToListAsync(source);

    public static async Task<IPagedList<T>> ToPagedListAsync<T>(this IQueryable<T> source, int pageIndex, int pageSize, bool getOnlyTotalCount = false)
    {
        pageSize = Math.Max(pageSize, 1);
        var count = await AsyncExtensions.CountAsync(source);
        var items = getOnlyTotalCount ? [] : await AsyncExtensions.ToListAsync(source.Skip(pageIndex * pageSize).Take(pageSize));
        return new PagedList<T>(items, pageIndex, pageSize, count);
    }
}
