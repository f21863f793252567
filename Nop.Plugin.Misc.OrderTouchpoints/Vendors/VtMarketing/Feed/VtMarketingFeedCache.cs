using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

/// <summary>
/// Generated feeds on disk for FeedCacheMinutes, so VTmarketing fetching again soon does not make the
/// store read its whole catalogue again. A file, not memory: 100,000 products are tens of megabytes.
/// Per process (each web-farm node keeps its own copy); entries are lost on restart and rebuilt on demand.
/// </summary>
public sealed class VtMarketingFeedCache(TimeProvider timeProvider, string? directory = null)
{
    private static readonly TimeSpan OrphanAge = TimeSpan.FromDays(1);

    private readonly string _directory = directory ?? Path.Combine(Path.GetTempPath(), "nop-order-touchpoints", "vtmarketing-feed");
    private readonly ConcurrentDictionary<string, CachedFeed> _feeds = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();
    private int _orphansRemoved;

    /// <summary>
    /// One entry per store, token and id setting: a new token or id setting never gets the old content.
    /// Names files, so the token itself is hashed.
    /// </summary>
    public static string KeyFor(int storeId, string token, ProductIdSource idSource, FeedColorSource? color = null) =>
        $"{storeId}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{token}|{idSource}|{color?.Format()}")), 0, 8)}";

    public CachedFeed? GetFresh(string key, TimeSpan maxAge) =>
        maxAge > TimeSpan.Zero && _feeds.TryGetValue(key, out var feed) && timeProvider.GetUtcNow() - feed.CreatedAt < maxAge
            ? feed
            : null;

    /// <summary>The cached bytes, or null when the file is gone (a temp-folder cleaner removed it).</summary>
    public Stream? OpenRead(CachedFeed feed)
    {
        try
        {
            // Delete sharing lets a newer generation replace the file while this one is still being sent.
            return new FileStream(feed.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            _feeds.TryRemove(KeyValuePair.Create(feed.Key, feed));
            return null;
        }
    }

    /// <summary>Serializes generation per key: a second request waits and is then served from the cache.</summary>
    public async Task<IDisposable> LockAsync(string key, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    /// <summary>
    /// Runs <paramref name="write"/> once, sending its bytes to <paramref name="response"/> as they come
    /// and to a new cache file; the file becomes the key's entry only when writing completed.
    /// </summary>
    public async Task<CachedFeed> WriteThroughAsync(string key, Stream response,
        Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        PrepareDirectory();
        var path = Path.Combine(_directory, $"{key}.{Guid.NewGuid():N}.csv");
        try
        {
            long length;
            byte[] hash;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            using (var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                await using var tee = new FeedTeeStream(response, file, sha256);
                await write(tee, cancellationToken);
                await tee.FlushAsync(cancellationToken);
                length = tee.Length;
                hash = sha256.GetHashAndReset();
            }
            var feed = new CachedFeed(key, path, $"\"{Convert.ToHexStringLower(hash, 0, 16)}\"", length, timeProvider.GetUtcNow());
            Replace(feed);
            return feed;
        }
        catch
        {
            TryDelete(path);
            throw;
        }
    }

    private void Replace(CachedFeed feed)
    {
        // Older entries of the same store (previous generation, old token or id setting) are dropped with their files.
        var storePrefix = feed.Key[..(feed.Key.IndexOf('-') + 1)];
        foreach (var old in _feeds.Values.Where(f => f.Key.StartsWith(storePrefix, StringComparison.Ordinal)).ToList())
        {
            if (_feeds.TryRemove(KeyValuePair.Create(old.Key, old)))
                TryDelete(old.Path);
        }
        _feeds[feed.Key] = feed;
    }

    private void PrepareDirectory()
    {
        Directory.CreateDirectory(_directory);
        if (Interlocked.Exchange(ref _orphansRemoved, 1) == 1)
            return;
        // Files of an earlier process run are not known to this one.
        foreach (var file in new DirectoryInfo(_directory).EnumerateFiles("*.csv"))
        {
            if (timeProvider.GetUtcNow() - file.LastWriteTimeUtc > OrphanAge)
                TryDelete(file.FullName);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                gate.Release();
        }
    }
}

/// <summary>A generated feed kept on disk; <see cref="ETag"/> is the quoted SHA-256 prefix of its bytes, ready for the header.</summary>
public sealed record CachedFeed(string Key, string Path, string ETag, long Length, DateTimeOffset CreatedAt);
