using System.Text.Json;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;

/// <summary>
/// A single-request vendor's channel (Transactionale, VTmarketing) wired to the sample shop and to a
/// contract-checking fake of that vendor on 127.0.0.1; the store's settings are enabled with the key.
/// </summary>
public abstract class SingleRequestTestBed<TSettings, TChannel> : IAsyncDisposable
    where TSettings : VendorSettings, new()
    where TChannel : ITouchpointChannel
{
    protected SingleRequestTestBed(ChannelTestContext context, FakeVendorServer server, string apiKey, TSettings settings, FakeResponse healthyAnswer)
    {
        Context = context;
        Server = server;
        Key = apiKey;
        settings.Enabled = true;
        settings.ApiKey = context.Stored(apiKey);
        Settings = context.Use(settings);
        // The store follows "all stores" (no override), which hold the same values.
        context.Use(settings, 0);
        Answer(_ => healthyAnswer);
    }

    public ChannelTestContext Context { get; }
    /// <summary>The plain key this store's settings hold (encrypted).</summary>
    public string Key { get; }
    public FakeVendorServer Server { get; }
    public TSettings Settings { get; }
    public RecordingLogger Logs { get; } = new();

    /// <summary>The vendor's documented contract for requests carrying <paramref name="apiKey"/>.</summary>
    protected abstract HttpContract Contract(string apiKey);

    public abstract TChannel CreateChannel();

    /// <summary>Scripts the fake vendor's answer; every request is checked against the contract for <paramref name="expectedKey"/>.</summary>
    public void Answer(Func<RecordedRequest, FakeResponse> respond, string? expectedKey = null, bool connectionTest = false) =>
        Server.Respond = Contract(expectedKey ?? Key).Enforce(Server, respond, connectionTest);

    public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest? request = null) =>
        CreateChannel().DeliverAsync(request ?? ChannelTestContext.PlacedOrder(), CancellationToken.None);

    /// <summary>The body of the only request the vendor received.</summary>
    public JsonElement SingleBody()
    {
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
        return Server.Requests.Single().Json;
    }

    protected static Task<FakeVendorServer> StartServerAsync() => FakeVendorServer.StartAsync(_ => new FakeResponse(500));

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Context.Dispose();
    }
}
