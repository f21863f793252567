using System.Text.Json;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

/// <summary>A VTmarketing channel wired to the sample shop and to a contract-checking fake VTmarketing on 127.0.0.1.</summary>
public sealed class VtMarketingTestBed : IAsyncDisposable
{
    public const string DefaultApiKey = "vt-test-key-0001";
    public const string EventCreated = """{"results":{"message":"Event created","email":"Event was created for the specified user"}}""";

    private VtMarketingTestBed(ChannelTestContext context, FakeVendorServer server, string apiKey)
    {
        Context = context;
        Server = server;
        Key = apiKey;
        Settings = context.Use(new OrderTouchpointsVtMarketingSettings
        {
            Enabled = true,
            ApiKey = context.Stored(apiKey),
            EndpointUrl = server.Url("v1/event/").AbsoluteUri
        });
        Answer(_ => new FakeResponse(200, EventCreated));
    }

    public ChannelTestContext Context { get; }
    /// <summary>The plain key this store's settings hold (encrypted).</summary>
    public string Key { get; }
    public FakeVendorServer Server { get; }
    public OrderTouchpointsVtMarketingSettings Settings { get; }
    public RecordingLogger<VtMarketingTouchpointChannel> Logs { get; } = new();

    public static async Task<VtMarketingTestBed> StartAsync(string apiKey = DefaultApiKey) =>
        new(new ChannelTestContext(), await FakeVendorServer.StartAsync(_ => new FakeResponse(500)), apiKey);

    public void Answer(Func<RecordedRequest, FakeResponse> respond, string? expectedKey = null, bool connectionTest = false) =>
        Server.Respond = VtMarketingContract.For(expectedKey ?? Key).Enforce(Server, respond, connectionTest);

    public VtMarketingTouchpointChannel CreateChannel() => new(
        Context.Settings.Object,
        Context.Protector,
        new VtMarketingPayloadBuilder(Context.Loader),
        new VtMarketingClient(Context.Http, Context.Sender),
        Logs);

    public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest? request = null) =>
        CreateChannel().DeliverAsync(request ?? ChannelTestContext.PlacedOrder(), CancellationToken.None);

    public JsonElement SingleBody()
    {
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
        return Server.Requests.Single().Json;
    }

    public static JsonElement Generic(JsonElement body) => body.GetProperty("event").GetProperty("confirmation").GetProperty("generic");

    public static (string Id, int Quantity)[] Items(JsonElement body) => body.GetProperty("event").GetProperty("confirmation").GetProperty("items")
        .EnumerateArray().Select(i => (i.GetProperty("id").GetString()!, i.GetProperty("quantity").GetInt32())).ToArray();

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Context.Dispose();
    }
}
