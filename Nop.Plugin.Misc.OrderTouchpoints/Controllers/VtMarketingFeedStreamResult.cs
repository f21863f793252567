using Microsoft.AspNetCore.Mvc;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

namespace Nop.Plugin.Misc.OrderTouchpoints.Controllers;

/// <summary>
/// A feed generated now, written to the response page by page as the catalogue is read (the first bytes
/// leave at once, so VTmarketing's client does not time out on a large catalogue) and cached on the way.
/// Its ETag is only known after the last row, so this response has none; cached responses carry it.
/// If reading the catalogue fails midway the connection is aborted: a truncated feed must not look complete.
/// </summary>
public sealed class VtMarketingFeedStreamResult(
    Store store,
    ProductIdSource idSource,
    FeedColorSource color,
    string cacheKey,
    TimeSpan maxAge,
    VtMarketingFeedCache feedCache,
    VtMarketingFeedWriter feedWriter) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var cancellationToken = context.HttpContext.RequestAborted;
        if (maxAge <= TimeSpan.Zero)
        {
            response.ContentType = VtMarketingFeedController.ContentType;
            await feedWriter.WriteAsync(store, idSource, color, response.Body, cancellationToken);
            return;
        }

        using var generation = await feedCache.LockAsync(cacheKey, cancellationToken);
        // Another request may have generated the feed while this one waited for the lock.
        if (feedCache.GetFresh(cacheKey, maxAge) is { } cached && feedCache.OpenRead(cached) is { } content)
        {
            await using (content)
            {
                response.ContentType = VtMarketingFeedController.ContentType;
                response.ContentLength = cached.Length;
                response.Headers.ETag = cached.ETag;
                await content.CopyToAsync(response.Body, cancellationToken);
            }
            return;
        }

        response.ContentType = VtMarketingFeedController.ContentType;
        await feedCache.WriteThroughAsync(cacheKey, response.Body,
            (destination, token) => feedWriter.WriteAsync(store, idSource, color, destination, token), cancellationToken);
    }
}
