namespace Nop.Core;

public partial interface IPagedList<T> : IList<T>
{
    int TotalCount { get; }

    bool HasNextPage { get; }
}
