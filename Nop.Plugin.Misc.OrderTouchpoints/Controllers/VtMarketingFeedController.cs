using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;
using Nop.Services.Configuration;
using Nop.Services.Stores;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Misc.OrderTouchpoints.Controllers;

/// <summary>
/// VTmarketing's product feed, fetched by VTmarketing's servers: public (BasePluginController carries none
/// of the storefront's login or closed-store checks), guarded by the store's feed token instead. Anything
/// that is not a valid request for an enabled store is a plain 404, so the URL reveals nothing.
/// </summary>
public class VtMarketingFeedController(
    IStoreService storeService,
    ISettingService settingService,
    VtMarketingFeedCache feedCache,
    VtMarketingFeedWriter feedWriter) : BasePluginController
{
    public const string ContentType = "text/csv; charset=utf-8";

    [HttpGet]
    public async Task<IActionResult> Feed(int storeId, string? token)
    {
        var store = storeId > 0 ? await storeService.GetStoreByIdAsync(storeId) : null;
        if (store is null || store.Deleted)
            return NotFound();
        var settings = await settingService.LoadSettingAsync<OrderTouchpointsVtMarketingSettings>(storeId);
        if (!settings.Enabled || !VtMarketingFeedTokens.Matches(settings.FeedToken, token))
            return NotFound();

        var maxAge = TimeSpan.FromMinutes(Math.Max(0, settings.FeedCacheMinutes));
        var color = FeedColorSource.Parse(settings.FeedColorAttribute);
        var key = VtMarketingFeedCache.KeyFor(storeId, settings.FeedToken!, settings.ProductIdSource, color);
        if (feedCache.GetFresh(key, maxAge) is { } cached)
        {
            if (ClientHas(cached.ETag))
            {
                Response.Headers.ETag = cached.ETag;
                return StatusCode(StatusCodes.Status304NotModified);
            }
            if (feedCache.OpenRead(cached) is { } content)
                return new FileStreamResult(content, ContentType) { EntityTag = new EntityTagHeaderValue(cached.ETag) };
        }
        return new VtMarketingFeedStreamResult(store, settings.ProductIdSource, color, key, maxAge, feedCache, feedWriter);
    }

    private bool ClientHas(string etag)
    {
        var presented = Request.GetTypedHeaders().IfNoneMatch;
        var current = new EntityTagHeaderValue(etag);
        return presented.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
