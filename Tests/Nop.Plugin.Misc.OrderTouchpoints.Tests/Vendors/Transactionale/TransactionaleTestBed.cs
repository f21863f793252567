using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Transactionale;

/// <summary>A Transactionale channel wired to the sample shop and to a contract-checking fake Transactionale on 127.0.0.1.</summary>
public sealed class TransactionaleTestBed(ChannelTestContext context, FakeVendorServer server, string apiKey)
    : SingleRequestTestBed<OrderTouchpointsTransactionaleSettings, TransactionaleTouchpointChannel>(context, server, apiKey,
        new OrderTouchpointsTransactionaleSettings { EndpointUrl = server.Url("api/v1/transaction").AbsoluteUri, ShopCountryCode = "it", SendWithoutConsentCheck = true },
        new FakeResponse(200, """{"status":"ok"}"""))
{
    public const string DefaultApiKey = "trx-test-key-0001";

    public static async Task<TransactionaleTestBed> StartAsync(string apiKey = DefaultApiKey) =>
        new(new ChannelTestContext(), await StartServerAsync(), apiKey);

    protected override HttpContract Contract(string apiKey) => TransactionaleContract.For(apiKey);

    public override TransactionaleTouchpointChannel CreateChannel() => CreateChannelOn(Context.Gate);

    /// <summary>The channel of a web-farm node with this vendor gate (another node: <see cref="ChannelTestContext.CreateNode"/>).</summary>
    public TransactionaleTouchpointChannel CreateChannelOn(VendorGate node) => new(
        Context.Settings.Object,
        Context.Protector,
        new TransactionalePayloadBuilder(Context.Loader, Context.Shop.CreateServices()),
        new TransactionaleClient(Context.Http, Context.SenderOn(node)),
        Logs.Logger);
}
