using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.TestKit.Host;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Benchmarks;

/// <summary>
/// Building one 20-line order's body per vendor with the real builders: the order re-read through
/// OrderDataLoader (in-memory services, so no database time) and the payload serialized to the JSON that
/// is posted. Voyado: the order body (the contact id given, as after a look-up).
/// </summary>
public sealed class PayloadBuildBenchmark : IBenchmark
{
    private const int Lines = 20;

    public string Name => "payload";

    public async Task RunAsync(BenchmarkOptions options, BenchmarkReport report)
    {
        var iterations = options.Quick ? 2_000 : 20_000;
        await using var bench = await BenchmarkShop.StartAsync(1, linesPerOrder: Lines);
        var order = bench.Shop.Orders[0];
        await using var scope = bench.Host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var settings = bench.Host.Nop.Settings;
        var request = new DeliveryRequest(order.StoreId, order.Id, TouchpointEvent.OrderPlaced, DateTime.UtcNow, 1);
        var loader = services.GetRequiredService<OrderDataLoader>();

        var transactionale = services.GetRequiredService<TransactionalePayloadBuilder>();
        var transactionaleSettings = settings.Load<OrderTouchpointsTransactionaleSettings>(order.StoreId);
        await MeasureAsync(report, "transactionale", iterations, async () =>
            VendorJson.Serialize((await transactionale.BuildAsync(request, transactionaleSettings, CancellationToken.None)).Payload!));

        var voyado = services.GetRequiredService<VoyadoOrderPayloadBuilder>();
        var voyadoSettings = settings.Load<OrderTouchpointsVoyadoSettings>(order.StoreId);
        await MeasureAsync(report, "voyado", iterations, async () =>
            VendorJson.Serialize(await voyado.BuildAsync((await loader.LoadAsync(order.Id))!, voyadoSettings, request, "c0ffee00-0000-4000-8000-000000000001")));

        var vtMarketing = services.GetRequiredService<VtMarketingPayloadBuilder>();
        var vtMarketingSettings = settings.Load<OrderTouchpointsVtMarketingSettings>(order.StoreId);
        await MeasureAsync(report, "vtmarketing", iterations, async () =>
            VendorJson.Serialize((await vtMarketing.BuildAsync(request, vtMarketingSettings, CancellationToken.None)).Payload!));
    }

    private static async Task MeasureAsync(BenchmarkReport report, string vendor, int iterations, Func<Task<string>> build)
    {
        var length = 0;
        for (var i = 0; i < iterations / 4; i++)
            length = (await build()).Length;
        var times = new Samples(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await build();
            times.AddMicrosecondsSince(start);
        }
        report.Note($"payload {vendor}: {Lines}-line order, {length:N0} characters of JSON, p99 {times.Percentile(0.99):0.0} us over {iterations:N0} builds");
        report.Metric($"payload_build_us_{vendor}", times.Percentile(0.50), "us");
    }
}
