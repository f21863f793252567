using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Controllers;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

/// <summary>The feed action's results: who gets 404, what a fresh and a cached feed look like, ETag and 304.</summary>
public class FeedEndpointTests
{
    private FeedCatalogFixture _catalogue = null!;
    private ManualTimeProvider _time = null!;
    private string _cacheDirectory = null!;
    private VtMarketingFeedCache _cache = null!;

    [SetUp]
    public void CreateShop()
    {
        _catalogue = FeedCatalogFixture.WithSampleCatalogue(out _);
        _catalogue.Shop.Stores.Add(new Store { Id = 3, Name = "Outlet", Url = "https://outlet.example/", DefaultLanguageId = 2 });
        _catalogue.VtSettings[1] = new OrderTouchpointsVtMarketingSettings { Enabled = true, FeedToken = "token-of-negozio" };
        _catalogue.VtSettings[2] = new OrderTouchpointsVtMarketingSettings { Enabled = true, FeedToken = "token-of-shop" };
        _catalogue.VtSettings[3] = new OrderTouchpointsVtMarketingSettings { Enabled = false, FeedToken = "token-of-outlet" };
        _time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        _cacheDirectory = Path.Combine(Path.GetTempPath(), "feed-endpoint-tests-" + Guid.NewGuid().ToString("N"));
        _cache = new VtMarketingFeedCache(_time, _cacheDirectory);
    }

    [TearDown]
    public void RemoveCacheFiles()
    {
        if (Directory.Exists(_cacheDirectory))
            Directory.Delete(_cacheDirectory, recursive: true);
    }

    private VtMarketingFeedController Controller(string? ifNoneMatch = null)
    {
        var http = new DefaultHttpContext();
        if (ifNoneMatch is not null)
            http.Request.Headers.IfNoneMatch = ifNoneMatch;
        return new VtMarketingFeedController(_catalogue.Shop.StoreService.Object, _catalogue.SettingService.Object, _cache, _catalogue.CreateWriter())
        {
            ControllerContext = new ControllerContext { HttpContext = http }
        };
    }

    private static async Task<(HttpResponse Response, byte[] Body)> ExecuteAsync(IActionResult result)
    {
        var http = new DefaultHttpContext();
        using var body = new MemoryStream();
        http.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
        return (http.Response, body.ToArray());
    }

    private static string ETagOf(byte[] content) => $"\"{Convert.ToHexStringLower(SHA256.HashData(content), 0, 16)}\"";

    private static byte[] ReadAll(FileStreamResult result)
    {
        using var stream = result.FileStream;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [TestCase(99, "token-of-negozio", TestName = "unknown store")]
    [TestCase(0, "token-of-negozio", TestName = "store 0")]
    [TestCase(1, "wrong-token", TestName = "wrong token")]
    [TestCase(1, null, TestName = "missing token")]
    [TestCase(1, "", TestName = "empty token")]
    [TestCase(1, "TOKEN-OF-NEGOZIO", TestName = "token in other case")]
    [TestCase(1, "token-of-shop", TestName = "another store's token")]
    [TestCase(3, "token-of-outlet", TestName = "vendor disabled for the store")]
    public async Task Anything_but_the_right_token_of_an_enabled_store_is_404(int storeId, string? token)
    {
        var result = await Controller().Feed(storeId, token);

        Assert.That(result, Is.TypeOf<NotFoundResult>());
        Assert.That(_catalogue.Searches, Is.Empty, "the catalogue is not read for a refused request");
    }

    [Test]
    public async Task A_store_enabled_without_a_token_yet_has_no_feed()
    {
        _catalogue.VtSettings[1].FeedToken = null;

        Assert.That(await Controller().Feed(1, ""), Is.TypeOf<NotFoundResult>());
        Assert.That(await Controller().Feed(1, null), Is.TypeOf<NotFoundResult>());
    }

    [Test]
    public async Task A_deleted_store_has_no_feed()
    {
        _catalogue.Store(1).Deleted = true;

        Assert.That(await Controller().Feed(1, "token-of-negozio"), Is.TypeOf<NotFoundResult>());
    }

    [Test]
    public async Task First_fetch_streams_the_csv_without_an_etag()
    {
        var result = await Controller().Feed(1, "token-of-negozio");

        Assert.That(result, Is.TypeOf<VtMarketingFeedStreamResult>());
        var (response, body) = await ExecuteAsync(result);
        Assert.That(response.ContentType, Is.EqualTo("text/csv; charset=utf-8"));
        Assert.That(response.Headers.ETag.ToString(), Is.Empty);
        var feed = SemicolonCsvReader.Parse(Encoding.UTF8.GetString(body));
        Assert.That(feed.Select(r => r[0]), Is.EqualTo(new[] { "ID", "501", "502" }));
        Assert.That(body[..3], Is.Not.EqualTo(Encoding.UTF8.Preamble.ToArray()), "no byte order mark before the header");
    }

    [Test]
    public async Task Repeated_fetches_within_the_cache_time_get_the_same_bytes_with_their_hash_as_etag()
    {
        var (_, first) = await ExecuteAsync(await Controller().Feed(1, "token-of-negozio"));
        var searches = _catalogue.Searches.Count;
        _time.Advance(TimeSpan.FromMinutes(14));

        var second = await Controller().Feed(1, "token-of-negozio");

        Assert.That(second, Is.TypeOf<FileStreamResult>());
        var file = (FileStreamResult)second;
        Assert.That(file.ContentType, Is.EqualTo("text/csv; charset=utf-8"));
        Assert.That(file.EntityTag!.ToString(), Is.EqualTo(ETagOf(first)));
        Assert.That(file.EntityTag.IsWeak, Is.False);
        Assert.That(ReadAll(file), Is.EqualTo(first));
        Assert.That(_catalogue.Searches, Has.Count.EqualTo(searches), "the catalogue was not read again");
    }

    [TestCase("{0}")]
    [TestCase("\"other\", {0}")]
    [TestCase("W/{0}")]
    [TestCase("*")]
    public async Task If_none_match_with_the_current_etag_gets_304_with_the_etag(string ifNoneMatch)
    {
        var (_, first) = await ExecuteAsync(await Controller().Feed(1, "token-of-negozio"));
        var etag = ETagOf(first);
        var controller = Controller(string.Format(ifNoneMatch, etag));

        var result = await controller.Feed(1, "token-of-negozio");

        Assert.That(result, Is.TypeOf<StatusCodeResult>());
        Assert.That(((StatusCodeResult)result).StatusCode, Is.EqualTo(304));
        Assert.That(controller.Response.Headers.ETag.ToString(), Is.EqualTo(etag));
    }

    [Test]
    public async Task If_none_match_with_an_outdated_etag_gets_the_content()
    {
        await ExecuteAsync(await Controller().Feed(1, "token-of-negozio"));

        var result = await Controller("\"0123456789abcdef0123456789abcdef\"").Feed(1, "token-of-negozio");

        Assert.That(result, Is.TypeOf<FileStreamResult>());
        ((FileStreamResult)result).FileStream.Dispose();
    }

    [Test]
    public async Task A_wrong_token_gets_404_even_when_the_feed_is_cached_and_the_etag_matches()
    {
        var (_, first) = await ExecuteAsync(await Controller().Feed(1, "token-of-negozio"));

        Assert.That(await Controller(ETagOf(first)).Feed(1, "token-of-shop"), Is.TypeOf<NotFoundResult>());
    }

    [Test]
    public async Task After_the_cache_time_the_catalogue_is_read_again_and_changes_show()
    {
        var (_, first) = await ExecuteAsync(await Controller().Feed(1, "token-of-negozio"));
        _catalogue.Shop.Products.Single(p => p.Id == 502).Price = 32m;
        _time.Advance(TimeSpan.FromMinutes(15));

        var result = await Controller(ETagOf(first)).Feed(1, "token-of-negozio");

        Assert.That(result, Is.TypeOf<VtMarketingFeedStreamResult>());
        var (_, second) = await ExecuteAsync(result);
        Assert.That(FeedCatalogFixture.Row(SemicolonCsvReader.Parse(Encoding.UTF8.GetString(second)), "502")["Price"], Is.EqualTo("32.00"));
        var third = (FileStreamResult)await Controller().Feed(1, "token-of-negozio");
        Assert.That(third.EntityTag!.ToString(), Is.EqualTo(ETagOf(second)).And.Not.EqualTo(ETagOf(first)));
        Assert.That(Directory.GetFiles(_cacheDirectory), Has.Length.EqualTo(1), "the older generation's file was removed");
        third.FileStream.Dispose();
    }

    [Test]
    public async Task Cache_time_0_generates_every_time_and_keeps_no_file()
    {
        _catalogue.VtSettings[1].FeedCacheMinutes = 0;

        await ExecuteAsync(await Controller().Feed(1, "token-of-negozio"));
        var second = await Controller().Feed(1, "token-of-negozio");

        Assert.That(second, Is.TypeOf<VtMarketingFeedStreamResult>());
        Assert.That(Directory.Exists(_cacheDirectory) ? Directory.GetFiles(_cacheDirectory) : [], Is.Empty);
    }

    [Test]
    public async Task Changing_the_id_setting_or_the_token_does_not_serve_the_cached_feed()
    {
        await ExecuteAsync(await Controller().Feed(1, "token-of-negozio"));

        _catalogue.VtSettings[1].ProductIdSource = ProductIdSource.Sku;
        var bySku = await Controller().Feed(1, "token-of-negozio");
        Assert.That(bySku, Is.TypeOf<VtMarketingFeedStreamResult>());
        var (_, body) = await ExecuteAsync(bySku);
        Assert.That(SemicolonCsvReader.Parse(Encoding.UTF8.GetString(body)).Skip(1).Select(r => r[0]), Is.EqualTo(new[] { "cup-01", "502" }));

        _catalogue.VtSettings[1].FeedToken = "new-token";
        Assert.That(await Controller().Feed(1, "new-token"), Is.TypeOf<VtMarketingFeedStreamResult>());
    }

    [Test]
    public async Task Stores_have_separate_cached_feeds()
    {
        await ExecuteAsync(await Controller().Feed(1, "token-of-negozio"));

        var other = await Controller().Feed(2, "token-of-shop");

        Assert.That(other, Is.TypeOf<VtMarketingFeedStreamResult>());
        var (_, body) = await ExecuteAsync(other);
        Assert.That(FeedCatalogFixture.Row(SemicolonCsvReader.Parse(Encoding.UTF8.GetString(body)), "501")["Product URL"],
            Does.StartWith("https://shop.example/"));
    }

    [Test]
    public async Task Two_fetches_that_both_missed_the_cache_read_the_catalogue_once()
    {
        var first = await Controller().Feed(1, "token-of-negozio");
        var second = await Controller().Feed(1, "token-of-negozio");

        var bodies = await Task.WhenAll(ExecuteAsync(first), ExecuteAsync(second));

        Assert.That(bodies[1].Body, Is.EqualTo(bodies[0].Body));
        Assert.That(_catalogue.Searches, Has.Count.EqualTo(1));
        Assert.That(bodies.Select(b => b.Response.Headers.ETag.ToString()), Has.Exactly(1).EqualTo(ETagOf(bodies[0].Body)),
            "the one served from the cache carries the etag");
    }

    [Test]
    public async Task A_feed_that_fails_midway_is_not_cached()
    {
        for (var id = 1000; id < 1600; id++)
            _catalogue.Shop.Products.Add(new Product { Id = id, Name = $"Product {id}", Published = true, VisibleIndividually = true });
        _catalogue.CategoryService.SetupSequence(s => s.GetProductCategoryIdsAsync(It.IsAny<int[]>()))
            .ReturnsAsync(new Dictionary<int, int[]>())
            .ThrowsAsync(new TimeoutException("database timeout"));

        var result = await Controller().Feed(1, "token-of-negozio");

        Assert.ThrowsAsync<TimeoutException>(() => ExecuteAsync(result));
        Assert.That(await Controller().Feed(1, "token-of-negozio"), Is.TypeOf<VtMarketingFeedStreamResult>());
        Assert.That(Directory.GetFiles(_cacheDirectory), Is.Empty);
    }
}
