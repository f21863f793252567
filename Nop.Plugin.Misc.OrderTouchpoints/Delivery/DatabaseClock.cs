using Nop.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The database server's clock, kept as this node's clock plus an offset read from the server (one per process). The clocks
/// of web-farm nodes drift apart by seconds, after a bad NTP sync by minutes; a send lease or a due time that one node writes
/// and another compares is only true when both read the same clock, and the database is the one thing they share. The
/// offset is read at most once per <see cref="RefreshEvery"/>, by the calls that compare against "now" (claim, lease renewal,
/// next due time, vendor-key lease); checkout's enqueue stays one round trip with the offset last read (it reads one only
/// if none was read yet in this process), and admin actions use the offset last read.
/// </summary>
public sealed class DatabaseClock(TimeProvider timeProvider)
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private TimeSpan _offset;
    private long? _readAtTimestamp;

    /// <summary>The server's clock minus this node's, as last read (zero before the first read).</summary>
    public TimeSpan Offset
    {
        get
        {
            lock (_gate)
                return _offset;
        }
    }

    /// <summary>The server's time by the offset last read: no round trip.</summary>
    public DateTime UtcNow => timeProvider.GetUtcNow().UtcDateTime + Offset;

    /// <summary><see cref="Offset"/>, read again first when the last read is older than <see cref="RefreshEvery"/>.</summary>
    public Task<TimeSpan> OffsetAsync(INopDataProvider dataProvider, CancellationToken cancellationToken) =>
        OffsetAsync(dataProvider, RefreshEvery, cancellationToken);

    /// <summary><see cref="Offset"/>, read first only when this process never read it: no round trip but once per process.</summary>
    public Task<TimeSpan> KnownOffsetAsync(INopDataProvider dataProvider, CancellationToken cancellationToken) =>
        OffsetAsync(dataProvider, TimeSpan.MaxValue, cancellationToken);

    private async Task<TimeSpan> OffsetAsync(INopDataProvider dataProvider, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_readAtTimestamp is { } readAt && timeProvider.GetElapsedTime(readAt) < maxAge)
                return _offset;
        }
        cancellationToken.ThrowIfCancellationRequested();
        // Two calls finding the offset stale at once both read it: harmless, each read is as true as the other.
        var offset = Offset;
        if (ServerUtcNowSql(dataProvider.ConfigurationName) is { } sql)
        {
            var before = timeProvider.GetUtcNow();
            var server = (await dataProvider.QueryAsync<DateTime>(sql)).Single();
            var after = timeProvider.GetUtcNow();
            // The server read its clock somewhere inside the round trip: its middle is the best guess.
            offset = DateTime.SpecifyKind(server, DateTimeKind.Utc) - (before + (after - before) / 2).UtcDateTime;
        }
        lock (_gate)
        {
            _offset = offset;
            _readAtTimestamp = timeProvider.GetTimestamp();
        }
        return offset;
    }

    /// <summary>
    /// The server's UTC time with microseconds, whatever the session's time zone (nopCommerce's columns are UTC without a
    /// zone); null for a provider without one here, whose offset stays zero.
    /// </summary>
    internal static string? ServerUtcNowSql(string? configurationName) => OutboxEnqueueSql.Of(configurationName) switch
    {
        OutboxEnqueueSql.Dialect.PostgreSql => "SELECT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS timestamp(6))",
        OutboxEnqueueSql.Dialect.MySql => "SELECT UTC_TIMESTAMP(6)",
        OutboxEnqueueSql.Dialect.SqlServer => "SELECT SYSUTCDATETIME()",
        _ => null
    };
}
