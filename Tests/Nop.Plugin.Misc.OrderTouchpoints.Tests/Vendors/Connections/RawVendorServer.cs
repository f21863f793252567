using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Connections;

/// <summary>How a <see cref="RawVendorServer"/> treats its connections, as real vendor servers do.</summary>
public enum ConnectionHabit
{
    /// <summary>Answers <c>HTTP/1.0</c> without a Connection header and closes the connection after each answer.</summary>
    Http10ClosesAfterEachAnswer,

    /// <summary>Answers <c>HTTP/1.1</c>, keeps connections alive and closes one silently once it was idle for <see cref="RawVendorServer.IdleTimeout"/>.</summary>
    KeepAliveWithIdleTimeout
}

/// <summary>
/// A vendor endpoint written on a bare socket (TcpListener, hand-written HTTP) so that it can close connections the way
/// Kestrel never does. It reads each request completely, checks it against the vendor's contract, counts it, and
/// answers 200 with <see cref="AnswerBody"/> (or <see cref="AnswerBytes"/> bytes of filler, written from one small buffer).
/// </summary>
public sealed class RawVendorServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpContract _contract;
    private readonly ConnectionHabit _habit;
    private readonly Task _acceptLoop;
    private int _connections;

    /// <param name="port">0 for any free port; else the port of an earlier server, to stand at the address it had.</param>
    public RawVendorServer(ConnectionHabit habit, HttpContract contract, int port = 0)
    {
        _habit = habit;
        _contract = contract;
        _listener = new TcpListener(IPAddress.Loopback, port);
        // The earlier server closed connections itself, which leaves them in TIME_WAIT on its port: without this the
        // port cannot be bound again for a minute.
        if (port != 0)
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start(512);
        _acceptLoop = AcceptAsync();
    }

    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(2);
    public string AnswerBody { get; set; } = "{}";
    /// <summary>When set, the answer is this many bytes of JSON-looking filler instead of <see cref="AnswerBody"/>.</summary>
    public long? AnswerBytes { get; set; }
    public int AnswerStatus { get; set; } = 200;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();
    public ConcurrentQueue<string> ContractViolations { get; } = new();
    public int ConnectionsAccepted => Volatile.Read(ref _connections);

    public Uri Url(string path) => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}");

    /// <summary>Bodies the server received more than once: a delivery sent twice.</summary>
    public IReadOnlyList<string> Duplicates() => Requests.GroupBy(r => r.Body).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new RequestReader(stream);
        try
        {
            // Bounded by the test's lifetime (_stop) and by each idle wait.
            while (!_stop.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                if (_habit == ConnectionHabit.KeepAliveWithIdleTimeout)
                    idle.CancelAfter(IdleTimeout);
                var request = await reader.ReadAsync(idle.Token);
                if (request is null)
                    return;
                foreach (var violation in _contract.Violations(request))
                    ContractViolations.Enqueue(violation);
                Requests.Enqueue(request);
                await AnswerAsync(stream, _stop.Token);
                if (_habit == ConnectionHabit.Http10ClosesAfterEachAnswer)
                    return;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
        {
            // Idle timeout reached, or the client went away: the connection just ends, without a word.
        }
    }

    private async Task AnswerAsync(NetworkStream stream, CancellationToken token)
    {
        var version = _habit == ConnectionHabit.Http10ClosesAfterEachAnswer ? "HTTP/1.0" : "HTTP/1.1";
        var body = AnswerBytes is null ? Encoding.UTF8.GetBytes(AnswerBody) : null;
        var length = body?.LongLength ?? AnswerBytes!.Value;
        var head = $"{version} {AnswerStatus} {(AnswerStatus == 200 ? "OK" : "Answer")}\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), token);
        if (body is not null)
        {
            await stream.WriteAsync(body, token);
            return;
        }
        var filler = new byte[64 * 1024];
        Array.Fill(filler, (byte)'x');
        filler[0] = (byte)'"';
        for (var left = length; left > 0; left -= filler.Length)
        {
            await stream.WriteAsync(filler.AsMemory(0, (int)Math.Min(filler.Length, left)), token);
            filler[0] = (byte)'x';
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _stop.Dispose();
    }

    /// <summary>Reads HTTP/1.1 requests with a Content-Length body off one connection; null when the client closed it.</summary>
    private sealed class RequestReader(NetworkStream stream)
    {
        private const int MaxHead = 64 * 1024;
        private readonly byte[] _buffer = new byte[16 * 1024];
        private readonly MemoryStream _pending = new();

        public async Task<RecordedRequest?> ReadAsync(CancellationToken token)
        {
            int headEnd;
            while ((headEnd = IndexOfHeadEnd()) < 0)
            {
                if (_pending.Length > MaxHead || !await FillAsync(token))
                    return null;
            }
            var head = Encoding.ASCII.GetString(_pending.GetBuffer(), 0, headEnd).Split("\r\n");
            var requestLine = head[0].Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in head.Skip(1))
            {
                var colon = line.IndexOf(':');
                if (colon > 0)
                    headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
            var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text) : 0;
            while (_pending.Length < headEnd + 4 + length)
            {
                if (!await FillAsync(token))
                    return null;
            }
            var body = Encoding.UTF8.GetString(_pending.GetBuffer(), headEnd + 4, length);
            Consume(headEnd + 4 + length);
            var target = requestLine.Length > 1 ? requestLine[1] : "/";
            var query = target.IndexOf('?');
            return new RecordedRequest(requestLine[0], query < 0 ? target : target[..query], query < 0 ? "" : target[query..], headers, body,
                DateTimeOffset.UtcNow);
        }

        private async Task<bool> FillAsync(CancellationToken token)
        {
            var read = await stream.ReadAsync(_buffer, token);
            if (read == 0)
                return false;
            _pending.Write(_buffer, 0, read);
            return true;
        }

        private int IndexOfHeadEnd() => _pending.GetBuffer().AsSpan(0, (int)_pending.Length).IndexOf("\r\n\r\n"u8);

        private void Consume(int count)
        {
            var rest = _pending.GetBuffer().AsSpan(count, (int)_pending.Length - count).ToArray();
            _pending.SetLength(0);
            _pending.Write(rest);
        }
    }
}
