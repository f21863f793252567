namespace Nop.Core;

[Serializable]
public partial class PagedList<T> : List<T>, IPagedList<T>
{
    private readonly int _pageIndex;
    private readonly int _totalPages;

    public PagedList(IList<T> source, int pageIndex, int pageSize, int? totalCount = null)
    {
        var size = pageSize < 1 ? 1 : pageSize;
        var total = totalCount ?? source.Count;
        _pageIndex = pageIndex;
        TotalCount = total;
        _totalPages = total / size + (total % size == 0 ? 0 : 1);
        if (totalCount.HasValue)
            AddRange(source);
        else
            AddRange(source.Skip(pageIndex * size).Take(size));
    }

    public int TotalCount { get; }

    public bool HasNextPage => _pageIndex + 1 < _totalPages;
}
