using System.Security.Cryptography;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

/// <summary>
/// Write-only stream that sends the feed to the client while keeping a copy in a cache file and hashing
/// it for the ETag: the catalogue is read once, and nothing is held in memory beyond the writer's buffer.
/// </summary>
internal sealed class FeedTeeStream(Stream response, Stream file, IncrementalHash hash) : Stream
{
    private long _length;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        hash.AppendData(buffer.Span);
        _length += buffer.Length;
        await file.WriteAsync(buffer, cancellationToken);
        await response.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await file.FlushAsync(cancellationToken);
        await response.FlushAsync(cancellationToken);
    }

    // The response body of Kestrel accepts asynchronous writes only; the feed writer never writes synchronously.
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
