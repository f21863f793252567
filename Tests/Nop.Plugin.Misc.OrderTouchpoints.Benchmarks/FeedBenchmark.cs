using System.Diagnostics;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

namespace Nop.Plugin.Misc.OrderTouchpoints.Benchmarks;

/// <summary>
/// The VTmarketing product feed on a cache miss, the expensive path: catalogue read page by page, CSV
/// written to the response (here a null stream) and to the cache file while hashed for the ETag.
/// Services are in-memory fakes, so products/s is the plugin's own cost, without any database time.
/// </summary>
public sealed class FeedBenchmark : IBenchmark
{
    private static readonly Store Store = new() { Id = 1, Name = "Negozio", Url = "https://negozio.example/", DefaultLanguageId = 1 };

    public string Name => "feed";

    public async Task RunAsync(BenchmarkOptions options, BenchmarkReport report)
    {
        // 100,000 products in the quick run too (about 2 s), so both metrics always mean what their names say.
        const int productCount = 100_000;
        var directory = Path.Combine(Path.GetTempPath(), "order-touchpoints-feed-benchmark-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Warm-up: JIT, the fakes' proxies and the file system path.
            await GenerateAsync(new SyntheticCatalogue(2_000), directory);

            var catalogue = new SyntheticCatalogue(productCount);
            await using var memory = PeakMemorySampler.Start();
            var clock = Stopwatch.StartNew();
            var (rows, bytes) = await GenerateAsync(catalogue, directory);
            clock.Stop();
            await memory.DisposeAsync();

            if (rows != productCount)
                throw new InvalidOperationException($"the feed has {rows} rows for {productCount} products");
            report.Note($"feed: {productCount:N0} products, {bytes / (1024.0 * 1024.0):0.0} MB of CSV in {clock.Elapsed.TotalSeconds:0.00} s");
            report.Metric("feed_products_per_s", productCount / clock.Elapsed.TotalSeconds, "products/s");
            report.Metric("feed_100k_peak_mb", memory.PeakMegabytes, "MB");
        }
        finally
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(int Rows, long Bytes)> GenerateAsync(SyntheticCatalogue catalogue, string directory)
    {
        var cache = new VtMarketingFeedCache(TimeProvider.System, directory);
        var writer = catalogue.CreateWriter();
        var rows = 0;
        var feed = await cache.WriteThroughAsync(VtMarketingFeedCache.KeyFor(Store.Id, "benchmark", ProductIdSource.ProductId), Stream.Null,
            async (destination, token) => rows = await writer.WriteAsync(Store, ProductIdSource.ProductId, destination, token),
            CancellationToken.None);
        return (rows, feed.Length);
    }
}
