using System.Text;
using Nop.Core.Domain.Stores;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

/// <summary>Writes a store's feed as UTF-8 CSV (no byte order mark: VTmarketing would read it as part of "ID").</summary>
public class VtMarketingFeedWriter(VtMarketingFeedStoreResolver storeResolver, VtMarketingFeedRowReader rowReader)
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    private const int BufferSize = 64 * 1024;

    /// <summary>Writes header and rows, flushing after every page of products; returns the number of rows.</summary>
    public Task<int> WriteAsync(Store store, ProductIdSource idSource, Stream destination, CancellationToken cancellationToken) =>
        WriteAsync(store, idSource, FeedColorSource.None, destination, cancellationToken);

    public async Task<int> WriteAsync(Store store, ProductIdSource idSource, FeedColorSource color, Stream destination, CancellationToken cancellationToken)
    {
        var feedStore = await storeResolver.ResolveAsync(store);
        // Only async writes: Kestrel refuses synchronous writes to a response body.
        await using var writer = new StreamWriter(destination, Utf8, BufferSize, leaveOpen: true);
        var line = new StringBuilder(1024);
        VtMarketingFeedCsv.AppendHeader(line);
        await writer.WriteAsync(line, cancellationToken);

        var rows = 0;
        await foreach (var row in rowReader.ReadAsync(feedStore, idSource, color, cancellationToken))
        {
            line.Clear();
            VtMarketingFeedCsv.AppendRow(line, row);
            await writer.WriteAsync(line, cancellationToken);
            if (++rows % VtMarketingFeedRowReader.PageSize == 0)
                await writer.FlushAsync(cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
        return rows;
    }
}
