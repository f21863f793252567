using Nop.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The database server's clock, as this node's clock plus an offset read from the server at most once per
/// <see cref="RefreshEvery"/>. Web-farm nodes' clocks drift apart by seconds (minutes after a bad NTP sync); a lease or due
/// time one node writes and another compares is only true on one clock, and the database is the one they share.
/// </summary>
public sealed class DatabaseClock(TimeProvider timeProvider)
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private TimeSpan _offset;
    private long? _readAtTimestamp;

    /// <summary>The server's clock minus this node's, as last read.</summary>
    public TimeSpan Offset
    {
        get
        {
            lock (_gate)
                return _offset;
        }
    }

    public DateTime UtcNow => timeProvider.GetUtcNow().UtcDateTime + Offset;

    public Task<TimeSpan> OffsetAsync(INopDataProvider dataProvider, CancellationToken cancellationToken) =>
        OffsetAsync(dataProvider, RefreshEvery, cancellationToken);

    /// <summary><see cref="Offset"/>, read only when this process never read it (checkout's one round trip).</summary>
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

    // UTC whatever the session's time zone: nopCommerce's columns are UTC without a zone.
    internal static string? ServerUtcNowSql(string? configurationName) => OutboxEnqueueSql.Of(configurationName) switch
    {
        OutboxEnqueueSql.Dialect.PostgreSql => "SELECT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS timestamp(6))",
        OutboxEnqueueSql.Dialect.MySql => "SELECT UTC_TIMESTAMP(6)",
        OutboxEnqueueSql.Dialect.SqlServer => "SELECT SYSUTCDATETIME()",
        _ => null
    };
}
