using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nop.Plugin.Misc.OrderTouchpoints.Controllers;
using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

/// <summary>
/// The route as the plugin registers it, served by a real Kestrel on 127.0.0.1 (which, like nopCommerce's
/// host, refuses synchronous writes to the response), with nopCommerce's services mocked.
/// </summary>
public class FeedRouteTests
{
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
        builder.Services.AddSingleton(catalogue.Shop.StoreService.Object);
        builder.Services.AddSingleton(catalogue.SettingService.Object);
        builder.Services.AddSingleton(new VtMarketingFeedCache(TimeProvider.System, _cacheDirectory));
        builder.Services.AddScoped(_ => catalogue.CreateWriter());
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
    public async Task The_feed_is_served_at_its_documented_path_and_then_from_the_cache_with_an_etag()
    {
        using var first = await _client.GetAsync("/order-touchpoints/vtmarketing/feed/1.csv?token=token-of-negozio");
        var body = await first.Content.ReadAsByteArrayAsync();

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(first.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/csv; charset=utf-8"));
        Assert.That(SemicolonCsvReader.Parse(Encoding.UTF8.GetString(body)).Select(r => r[0]), Is.EqualTo(new[] { "ID", "501", "502" }));

        using var second = await _client.GetAsync("/order-touchpoints/vtmarketing/feed/1.csv?token=token-of-negozio");
        Assert.That(await second.Content.ReadAsByteArrayAsync(), Is.EqualTo(body));
        var etag = second.Headers.ETag!;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/order-touchpoints/vtmarketing/feed/1.csv?token=token-of-negozio");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var third = await _client.SendAsync(conditional);
        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
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
    public void The_plugin_startup_registers_everything_the_feed_and_its_settings_section_need()
    {
        var catalogue = FeedCatalogFixture.WithSampleCatalogue(out _);
        var services = new ServiceCollection();
        new PluginNopStartup().ConfigureServices(services, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddSingleton(catalogue.Shop.StoreService.Object).AddSingleton(catalogue.SettingService.Object)
            .AddSingleton(catalogue.Shop.LanguageService.Object).AddSingleton(catalogue.Shop.ProductService.Object)
            .AddSingleton(catalogue.Shop.LocalizationService.Object).AddSingleton(catalogue.AttributeService.Object)
            .AddSingleton(catalogue.CategoryService.Object).AddSingleton(catalogue.ManufacturerService.Object)
            .AddSingleton(catalogue.PictureService.Object).AddSingleton(catalogue.UrlRecordService.Object)
            .AddSingleton(catalogue.Shop.AttributeParser.Object).AddSingleton(catalogue.SpecificationService.Object);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using var scope = provider.CreateScope();

        Assert.That(scope.ServiceProvider.GetRequiredService<VtMarketingFeedCache>(), Is.Not.Null);
        Assert.That(scope.ServiceProvider.GetRequiredService<VtMarketingFeedWriter>(), Is.Not.Null);
        Assert.That(scope.ServiceProvider.GetRequiredService<VtMarketingFeedTokens>(), Is.Not.Null);
        Assert.That(scope.ServiceProvider.GetRequiredService<Nop.Plugin.Misc.OrderTouchpoints.Models.Configure.VtMarketingFeedModelFactory>(), Is.Not.Null);
        Assert.That(ActivatorUtilities.CreateInstance<VtMarketingFeedController>(scope.ServiceProvider), Is.Not.Null);
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
