using Nop.Core;

namespace Nop.Plugin.Misc.OrderTouchpoints.DataKit;

/// <summary>One page of a query and the total it was cut from, as nopCommerce's paged list reports it.</summary>
internal sealed class PagedList<T>(IEnumerable<T> items, int pageIndex, int pageSize, int totalCount) : List<T>(items), IPagedList<T>
{
    public int TotalCount { get; } = totalCount;

    public bool HasNextPage => (pageIndex + 1) * pageSize < TotalCount;
}
