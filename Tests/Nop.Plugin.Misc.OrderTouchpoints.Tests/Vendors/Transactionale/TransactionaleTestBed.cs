using System.Text.Json;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Transactionale;

/// <summary>A Transactionale channel wired to the sample shop and to a contract-checking fake Transactionale on 127.0.0.1.</summary>
public sealed class TransactionaleTestBed : IAsyncDisposable
{
    public const string DefaultApiKey = "trx-test-key-0001";

    private TransactionaleTestBed(ChannelTestContext context, FakeVendorServer server, string apiKey)
    {
        Context = context;
        Server = server;
        Key = apiKey;
        Settings = context.Use(new OrderTouchpointsTransactionaleSettings
        {
            Enabled = true,
            ApiKey = context.Stored(apiKey),
            EndpointUrl = server.Url("api/v1/transaction").AbsoluteUri,
            ShopCountryCode = "it"
        });
        Answer(_ => new FakeResponse(200, """{"status":"ok"}"""));
    }

    public ChannelTestContext Context { get; }
    /// <summary>The plain key this store's settings hold (encrypted).</summary>
    public string Key { get; }
    public FakeVendorServer Server { get; }
    public OrderTouchpointsTransactionaleSettings Settings { get; }
    public RecordingLogger<TransactionaleTouchpointChannel> Logs { get; } = new();

    public static async Task<TransactionaleTestBed> StartAsync(string apiKey = DefaultApiKey) =>
        new(new ChannelTestContext(), await FakeVendorServer.StartAsync(_ => new FakeResponse(500)), apiKey);

    /// <summary>Scripts the fake vendor's answer; every request is checked against the contract for <paramref name="expectedKey"/>.</summary>
    public void Answer(Func<RecordedRequest, FakeResponse> respond, string? expectedKey = null, bool connectionTest = false) =>
        Server.Respond = TransactionaleContract.For(expectedKey ?? Key).Enforce(Server, respond, connectionTest);

    public TransactionaleTouchpointChannel CreateChannel() => new(
        Context.Settings.Object,
        Context.Protector,
        new TransactionalePayloadBuilder(Context.Loader, Context.Shop.GdprService.Object),
        new TransactionaleClient(Context.Http, Context.Sender),
        Logs);

    public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest? request = null) =>
        CreateChannel().DeliverAsync(request ?? ChannelTestContext.PlacedOrder(), CancellationToken.None);

    /// <summary>The body of the only request the vendor received.</summary>
    public JsonElement SingleBody()
    {
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
        return Server.Requests.Single().Json;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Context.Dispose();
    }
}
