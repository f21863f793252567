using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Connections;

/// <summary>
/// In a store, nopCommerce's WithProxy makes the primary handler an HttpClientHandler with the admin's proxy: the
/// adjusted handler must still send through that proxy, now with a short idle timeout.
/// </summary>
public class ConnectionPolicyTests
{
    [Test]
    public async Task The_proxy_WithProxy_configured_still_carries_the_requests()
    {
        await using var proxy = await FakeVendorServer.StartAsync(_ => new FakeResponse(200, "{}"));
        var proxied = new HttpClientHandler { Proxy = new WebProxy(proxy.BaseUri), UseProxy = true, PreAuthenticate = true };

        using var adjusted = VendorHttp.WithShortIdleTimeout(proxied, out var neverReusing);
        using var _ = neverReusing;
        using var client = new HttpClient(adjusted);
        using var twin = new HttpClient(neverReusing!);
        using var first = await client.GetAsync("http://vendor.example/api/v1/transaction");
        using var second = await twin.GetAsync("http://vendor.example/v1/event/");

        var sockets = (SocketsHttpHandler)adjusted;
        Assert.That(sockets.PooledConnectionIdleTimeout, Is.EqualTo(VendorHttp.PooledConnectionIdleTimeout));
        Assert.That(sockets.PreAuthenticate, Is.True);
        Assert.That(neverReusing!.PooledConnectionLifetime, Is.EqualTo(TimeSpan.Zero));
        Assert.That(proxy.Requests.Select(r => (r.Header("Host"), r.Path)),
            Is.EqualTo(new[] { ("vendor.example", "/api/v1/transaction"), ("vendor.example", "/v1/event/") }), "both went through the proxy");
    }

    [Test]
    public void The_vendor_clients_leave_the_attempt_timeout_to_the_pipeline_and_read_answers_up_to_1_MB()
    {
        var services = new ServiceCollection();
        services.AddTransactionaleTouchpoint();
        services.AddVoyadoTouchpoint();
        services.AddVtMarketingTouchpoint();
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        foreach (var name in new[] { nameof(TransactionaleClient), nameof(VoyadoClient), nameof(VtMarketingClient) })
        {
            using var client = factory.CreateClient(name);
            Assert.That(client.Timeout, Is.EqualTo(Timeout.InfiniteTimeSpan), $"{name}: no 100-s cap under a longer attempt timeout");
            Assert.That(client.MaxResponseContentBufferSize, Is.EqualTo(VendorHttp.MaxAnswerBytes), name);
        }
    }

    [TestCase("1.0", null, true)]
    [TestCase("1.0", "keep-alive", false)]
    [TestCase("1.1", "close", true)]
    [TestCase("1.1", null, false)]
    public void A_server_that_closes_connections_is_recognised_from_its_answer(string version, string? connection, bool closes)
    {
        using var answer = new HttpResponseMessage(HttpStatusCode.OK) { Version = Version.Parse(version) };
        if (connection is not null)
            answer.Headers.Connection.Add(connection);

        Assert.That(ConnectionReuseHandler.ClosesConnections(answer), Is.EqualTo(closes));
    }
}
