using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Nop.Web.Framework.Infrastructure.Extensions;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// How vendor clients connect and read. A request lost on a connection the server had closed would be reported as "sent,
/// check, then resend" though the vendor never saw it, so servers that close connections get no reused ones.
/// </summary>
public static class VendorHttp
{
    public const int MaxAnswerBytes = 1024 * 1024;

    public const string CutAnswerMark = "[answer cut at 1 MB] ";

    /// <summary>
    /// Below common servers' idle timeouts (Apache and Node.js 5 s, some vendors 2 s); the 1-minute default would reuse
    /// connections dropped long ago. A connection in use is never idle, so a draining backlog keeps its connections.
    /// </summary>
    public static readonly TimeSpan PooledConnectionIdleTimeout = TimeSpan.FromSeconds(1);

    public static IHttpClientBuilder AddVendorHttpClient<TClient>(this IServiceCollection services) where TClient : class
    {
        var builder = services.AddHttpClient<TClient>(client =>
        {
            client.MaxResponseContentBufferSize = MaxAnswerBytes;
            // HttpClient's 100 s default would cut an attempt timeout set above it (up to 120 s): the gate's is the only one.
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
    /// WithProxy's HttpClientHandler hides the idle timeout, so its settings (proxy, credentials) move to a SocketsHttpHandler.
    /// <paramref name="neverReusing"/>: a twin closing every connection after one answer; null for a handler of another kind.
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

    /// <summary>Reads at most <see cref="MaxAnswerBytes"/>, within the attempt timeout; the rest is never drained.</summary>
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
/// SocketsHttpHandler pools HTTP/1.0 connections as if they stayed open and does not resend a POST written onto one the
/// server just closed. An endpoint that answers HTTP/1.0 without keep-alive, or <c>Connection: close</c>, gets fresh
/// connections and <c>Connection: close</c>; so does one not yet answered, as its requests could get the first's connection
/// as it closes. Learned per handler, which the client factory renews every few minutes, so a server that changes is relearned.
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
