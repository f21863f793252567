using Nop.Core;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

public sealed class TestPagedList<T>(IEnumerable<T> items, int pageIndex = 0, int pageSize = int.MaxValue, int? totalCount = null)
    : List<T>(items), IPagedList<T>
{
    public int PageIndex { get; } = pageIndex;
    public int PageSize { get; } = pageSize;
    public int TotalCount => totalCount ?? Count;
    public int TotalPages => PageSize == int.MaxValue ? 1 : (TotalCount + PageSize - 1) / PageSize;
    public bool HasPreviousPage => PageIndex > 0;
    public bool HasNextPage => PageIndex + 1 < TotalPages;
}
