namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing.Feed;

/// <summary>A generated feed kept on disk; <see cref="ETag"/> is the quoted SHA-256 prefix of its bytes, ready for the header.</summary>
public sealed record CachedFeed(string Key, string Path, string ETag, long Length, DateTimeOffset CreatedAt);
