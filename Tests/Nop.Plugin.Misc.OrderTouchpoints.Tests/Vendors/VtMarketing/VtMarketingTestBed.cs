using System.Text.Json;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.VtMarketing;

/// <summary>A VTmarketing channel wired to the sample shop and to a contract-checking fake VTmarketing on 127.0.0.1.</summary>
public sealed class VtMarketingTestBed(ChannelTestContext context, FakeVendorServer server, string apiKey)
    : SingleRequestTestBed<OrderTouchpointsVtMarketingSettings, VtMarketingTouchpointChannel>(context, server, apiKey,
        new OrderTouchpointsVtMarketingSettings { EndpointUrl = server.Url("v1/event/").AbsoluteUri },
        new FakeResponse(200, EventCreated))
{
    public const string DefaultApiKey = "vt-test-key-0001";
    public const string EventCreated = """{"results":{"message":"Event created","email":"Event was created for the specified user"}}""";

    public static async Task<VtMarketingTestBed> StartAsync(string apiKey = DefaultApiKey) =>
        new(new ChannelTestContext(), await StartServerAsync(), apiKey);

    protected override HttpContract Contract(string apiKey) => VtMarketingContract.For(apiKey);

    public override VtMarketingTouchpointChannel CreateChannel() => new(
        Context.Settings.Object,
        Context.Protector,
        new VtMarketingPayloadBuilder(Context.Loader),
        new VtMarketingClient(Context.Http, Context.Sender),
        Logs.Logger);

    public static JsonElement Generic(JsonElement body) => body.GetProperty("event").GetProperty("confirmation").GetProperty("generic");

    public static (string Id, int Quantity)[] Items(JsonElement body) => body.GetProperty("event").GetProperty("confirmation").GetProperty("items")
        .EnumerateArray().Select(i => (i.GetProperty("id").GetString()!, i.GetProperty("quantity").GetInt32())).ToArray();
}
