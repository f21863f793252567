using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Nop.Web.Framework.Infrastructure.Extensions;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// How the typed vendor clients use connections and read answers. A request lost on a connection the vendor's
/// server had already closed would be reported as "sent, the connection broke; check, then resend" although the
/// vendor never saw it, so connections are not reused where the server closes them; and an answer is read up to
/// <see cref="MaxAnswerBytes"/>, whatever the vendor sends.
/// </summary>
public static class VendorHttp
{
    public const int MaxAnswerBytes = 1024 * 1024;

    /// <summary>Put before a body that was longer than <see cref="MaxAnswerBytes"/>, so a reason made from it says so.</summary>
    public const string CutAnswerMark = "[answer cut at 1 MB] ";

    /// <summary>
    /// Below the idle timeouts common servers keep (Apache and Node.js 5 s, load balancers 60 s, some vendors 2 s):
    /// SocketsHttpHandler's 1-minute default would keep connections the server dropped long ago. A connection in use
    /// is never idle, so a draining backlog still reuses its connections.
    /// </summary>
    public static readonly TimeSpan PooledConnectionIdleTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A typed vendor client: nopCommerce's <c>WithProxy</c> (the admin's proxy) builds the primary handler; it is then
    /// adjusted for the idle timeout, and <see cref="ConnectionReuseHandler"/> keeps requests off connections a server closes.
    /// </summary>
    public static IHttpClientBuilder AddVendorHttpClient<TClient>(this IServiceCollection services) where TClient : class
    {
        var builder = services.AddHttpClient<TClient>(client =>
        {
            client.MaxResponseContentBufferSize = MaxAnswerBytes;
            // HttpClient's own 100-s default would silently cut an attempt timeout the owner set above it (up to 120 s):
            // the vendor gate's attempt timeout is the only one.
            client.Timeout = Timeout.InfiniteTimeSpan;
        });
        builder.WithProxy();
        // Registered after WithProxy's own action, so it runs after it and starts from the handler WithProxy made.
        services.Configure<HttpClientFactoryOptions>(builder.Name, options => options.HttpMessageHandlerBuilderActions.Add(handlers =>
        {
            handlers.PrimaryHandler = WithShortIdleTimeout(handlers.PrimaryHandler, out var twin);
            handlers.AdditionalHandlers.Add(new ConnectionReuseHandler(twin));
        }));
        return builder;
    }

    /// <summary>
    /// WithProxy builds an HttpClientHandler, which hides the idle timeout of the SocketsHttpHandler inside it: the settings
    /// WithProxy makes (proxy, credentials, pre-authentication) move to a SocketsHttpHandler that exposes it (without WithProxy,
    /// .NET 9's factory already starts from one). <paramref name="neverReusing"/> is a twin that closes every connection after one
    /// answer, for servers that close them anyway; null for a handler of another kind, which is left as it is.
    /// </summary>
    public static HttpMessageHandler WithShortIdleTimeout(HttpMessageHandler primary, out SocketsHttpHandler? neverReusing)
    {
        // A zero lifetime returns no connection to the pool.
        neverReusing = primary is SocketsHttpHandler or HttpClientHandler ? Twin(primary, TimeSpan.Zero) : null;
        switch (primary)
        {
            case SocketsHttpHandler sockets:
                sockets.PooledConnectionIdleTimeout = PooledConnectionIdleTimeout;
                return sockets;
            case HttpClientHandler proxied:
                var adjusted = Twin(proxied, Timeout.InfiniteTimeSpan);
                proxied.Dispose();
                return adjusted;
            default:
                return primary;
        }
    }

    private static SocketsHttpHandler Twin(HttpMessageHandler source, TimeSpan lifetime)
    {
        var twin = new SocketsHttpHandler { PooledConnectionIdleTimeout = PooledConnectionIdleTimeout, PooledConnectionLifetime = lifetime };
        if (source is HttpClientHandler proxied)
        {
            (twin.UseProxy, twin.Proxy, twin.DefaultProxyCredentials, twin.PreAuthenticate) = (proxied.UseProxy, proxied.Proxy, proxied.DefaultProxyCredentials, proxied.PreAuthenticate);
            twin.Credentials = proxied.UseDefaultCredentials ? CredentialCache.DefaultCredentials : proxied.Credentials;
            (twin.AllowAutoRedirect, twin.AutomaticDecompression, twin.UseCookies, twin.MaxConnectionsPerServer) =
                (proxied.AllowAutoRedirect, proxied.AutomaticDecompression, proxied.UseCookies, proxied.MaxConnectionsPerServer);
        }
        else if (source is SocketsHttpHandler sockets)
        {
            (twin.UseProxy, twin.Proxy, twin.DefaultProxyCredentials, twin.PreAuthenticate, twin.Credentials) =
                (sockets.UseProxy, sockets.Proxy, sockets.DefaultProxyCredentials, sockets.PreAuthenticate, sockets.Credentials);
            (twin.AllowAutoRedirect, twin.AutomaticDecompression, twin.UseCookies, twin.MaxConnectionsPerServer) =
                (sockets.AllowAutoRedirect, sockets.AutomaticDecompression, sockets.UseCookies, sockets.MaxConnectionsPerServer);
        }
        return twin;
    }

    /// <summary>
    /// Sends and reads the answer's body, at most <see cref="MaxAnswerBytes"/> of it, inside the caller's attempt (its timeout
    /// covers the body too). The rest is never read: disposing the answer closes the connection rather than draining 50 MB.
    /// A body that breaks off is an <see cref="HttpRequestException"/>, as when HttpClient buffers it.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            // Sized from Content-Length when the vendor gives one, so a small answer costs a small buffer and a huge one 1 MB.
            using var kept = new MemoryStream((int)Math.Clamp(response.Content.Headers.ContentLength ?? 16 * 1024, 0, MaxAnswerBytes + 1));
            var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                int read;
                while (kept.Length <= MaxAnswerBytes
                       && (read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, MaxAnswerBytes + 1 - kept.Length)), cancellationToken)) > 0)
                    kept.Write(chunk, 0, read);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
            var bounded = kept.Length > MaxAnswerBytes
                ? new ByteArrayContent([.. Encoding.UTF8.GetBytes(CutAnswerMark), .. kept.GetBuffer().AsSpan(0, MaxAnswerBytes)])
                : new ByteArrayContent(kept.GetBuffer(), 0, (int)kept.Length);
            foreach (var header in response.Content.Headers.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
                bounded.Headers.TryAddWithoutValidation(header.Key, header.Value);
            response.Content.Dispose();
            response.Content = bounded;
            return response;
        }
        catch (IOException broken)
        {
            response.Dispose();
            throw new HttpRequestException((broken as HttpIOException)?.HttpRequestError ?? HttpRequestError.Unknown,
                "The answer broke off while it was read.", broken);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}

/// <summary>
/// Keeps requests off connections a vendor's server closes. SocketsHttpHandler pools an HTTP/1.0 connection as if it stayed
/// open and does not resend a POST it wrote onto a connection the server had just closed. So each endpoint (scheme, host,
/// port) is learned from its answers: one that answers HTTP/1.0 without keep-alive, or says <c>Connection: close</c>, gets
/// its requests with <c>Connection: close</c> through a handler that never reuses a connection. Until an endpoint's first
/// answer came, its requests go that way too: sent through the pool alongside the first, they could be handed its
/// connection the moment it went back, already closed by the server.
/// What was learned lives as long as this handler, which the client factory replaces every couple of minutes, so a server
/// that changes its habit is learned again. Kept for the process, it would outlive the server it was learned from: another
/// server on the same address that closes connections would get its first requests on the pool, and lose them there.
/// </summary>
public sealed class ConnectionReuseHandler(SocketsHttpHandler? neverReusing) : DelegatingHandler
{
    private const int MaxRemembered = 1000;
    private readonly ConcurrentDictionary<string, bool> _closesByAuthority = new(StringComparer.OrdinalIgnoreCase);
    private readonly HttpMessageInvoker? _freshConnections = neverReusing is null ? null : new HttpMessageInvoker(neverReusing, disposeHandler: true);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authority = request.RequestUri?.GetLeftPart(UriPartial.Authority) ?? string.Empty;
        var known = _closesByAuthority.TryGetValue(authority, out var closes);
        // Only to a server known to close: sent while learning, it would make a keep-alive server answer "close" too.
        if (closes)
            request.Headers.ConnectionClose = true;
        var response = _freshConnections is not null && (closes || !known)
            ? await _freshConnections.SendAsync(request, cancellationToken)
            : await base.SendAsync(request, cancellationToken);
        // Learned from the answer's headers, before its body is read and its connection could go back to the pool.
        if (!closes && (_closesByAuthority.Count < MaxRemembered || known))
            _closesByAuthority.AddOrUpdate(authority, ClosesConnections(response), (_, before) => before || ClosesConnections(response));
        return response;
    }

    public static bool ClosesConnections(HttpResponseMessage response) =>
        response.Headers.ConnectionClose == true
        || (response.Version == HttpVersion.Version10
            && !response.Headers.Connection.Contains("keep-alive", StringComparer.OrdinalIgnoreCase));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _freshConnections?.Dispose();
        base.Dispose(disposing);
    }
}
