using System.Net;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

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
