using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nop.Plugin.Misc.OrderTouchpoints.Controllers;
using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
using Nop.Plugin.Misc.OrderTouchpoints.Models.Configure;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

/// <summary>
/// The feed as a store serves it: the route the plugin's RouteProvider registers, on a real Kestrel on 127.0.0.1 (which, like
/// nopCommerce's host, refuses synchronous writes to the response), answered by the plugin's controller with the services the
/// plugin's startup registers; nopCommerce's own services are the sample catalogue's mocks.
/// </summary>
public class FeedRouteTests
{
    private const string FeedPath = "/order-touchpoints/vtmarketing/feed/1.csv?token=token-of-negozio";

    private string _cacheDirectory = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    [SetUp]
    public async Task StartStore()
    {
        var catalogue = FeedCatalogFixture.WithSampleCatalogue(out _);
        catalogue.VtSettings[1] = new OrderTouchpointsVtMarketingSettings { Enabled = true, FeedToken = "token-of-negozio" };
        _cacheDirectory = Path.Combine(Path.GetTempPath(), "feed-route-tests-" + Guid.NewGuid().ToString("N"));

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddControllers().AddApplicationPart(typeof(VtMarketingFeedController).Assembly);
        new PluginNopStartup().ConfigureServices(builder.Services, builder.Configuration);
        // The background delivery worker is no part of the feed and needs the outbox's database.
        foreach (var worker in builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == typeof(PluginNopStartup).Assembly).ToList())
            builder.Services.Remove(worker);
        builder.Services.AddSingleton(catalogue.Shop.StoreService.Object).AddSingleton(catalogue.SettingService.Object)
            .AddSingleton(catalogue.Shop.LanguageService.Object).AddSingleton(catalogue.Shop.ProductService.Object)
            .AddSingleton(catalogue.Shop.LocalizationService.Object).AddSingleton(catalogue.AttributeService.Object)
            .AddSingleton(catalogue.CategoryService.Object).AddSingleton(catalogue.ManufacturerService.Object)
            .AddSingleton(catalogue.PictureService.Object).AddSingleton(catalogue.UrlRecordService.Object)
            .AddSingleton(catalogue.Shop.AttributeParser.Object).AddSingleton(catalogue.SpecificationService.Object);
        // The plugin's cache, in a folder of this test's own.
        builder.Services.AddSingleton(new VtMarketingFeedCache(TimeProvider.System, _cacheDirectory));
        _app = builder.Build();
        _app.UseRouting();
        new RouteProvider().RegisterRoutes(_app);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    [TearDown]
    public async Task StopStore()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        if (Directory.Exists(_cacheDirectory))
            Directory.Delete(_cacheDirectory, recursive: true);
    }

    [Test]
    public async Task The_feed_is_the_store_catalogue_as_csv_at_its_documented_path()
    {
        using var response = await _client.GetAsync(FeedPath);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/csv; charset=utf-8"));
        Assert.That(SemicolonCsvReader.Parse(await response.Content.ReadAsStringAsync()).Select(r => r[0]), Is.EqualTo(new[] { "ID", "501", "502" }));
    }

    [Test]
    public async Task A_second_request_gets_the_same_feed_from_the_cache()
    {
        using var first = await _client.GetAsync(FeedPath);
        var written = await first.Content.ReadAsByteArrayAsync();

        using var second = await _client.GetAsync(FeedPath);

        Assert.That(await second.Content.ReadAsByteArrayAsync(), Is.EqualTo(written));
        Assert.That(Directory.EnumerateFiles(_cacheDirectory, "*", SearchOption.AllDirectories), Is.Not.Empty);
    }

    [Test]
    public async Task A_feed_served_from_the_cache_carries_an_etag()
    {
        (await _client.GetAsync(FeedPath)).Dispose();

        using var cached = await _client.GetAsync(FeedPath);

        Assert.That(cached.Headers.ETag?.Tag, Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public async Task A_request_with_the_feed_etag_gets_304()
    {
        (await _client.GetAsync(FeedPath)).Dispose();
        using var cached = await _client.GetAsync(FeedPath);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, FeedPath);
        conditional.Headers.IfNoneMatch.Add(cached.Headers.ETag!);

        using var response = await _client.SendAsync(conditional);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [TestCase("/order-touchpoints/vtmarketing/feed/1.csv")]
    [TestCase("/order-touchpoints/vtmarketing/feed/1.csv?token=nope")]
    [TestCase("/order-touchpoints/vtmarketing/feed/2.csv?token=token-of-negozio")]
    [TestCase("/order-touchpoints/vtmarketing/feed/abc.csv?token=token-of-negozio")]
    public async Task Wrong_requests_get_404(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task The_settings_section_shows_the_feed_url_the_route_serves()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var section = await scope.ServiceProvider.GetRequiredService<VtMarketingFeedModelFactory>().PrepareAsync(1);
        var shown = new Uri(section.FeedUrls.Single().Url!);

        using var response = await _client.GetAsync(shown.PathAndQuery);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(SemicolonCsvReader.Parse(await response.Content.ReadAsStringAsync()).Skip(1).Select(r => r[0]), Is.EqualTo(new[] { "501", "502" }));
    }

    [Test]
    public void The_feed_is_a_public_plugin_controller_without_login()
    {
        var controller = typeof(VtMarketingFeedController);
        var action = controller.GetMethod(nameof(VtMarketingFeedController.Feed))!;

        Assert.That(controller.IsSubclassOf(typeof(BasePluginController)), Is.True);
        Assert.That(controller.GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true), Is.Empty);
        Assert.That(action.GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true), Is.Empty);
        Assert.That(controller.GetCustomAttributes(inherit: true).Select(a => a.GetType().Name), Has.None.Contains("Area"));
    }
}
