using LinqToDB.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// Checkout's outbox write as one statement per event: every vendor's row inserted unless its key exists, the affected-row
/// count being the rows created. nopCommerce's repository has no such insert (one round trip, no transaction scope, no
/// identity read), so the SQL is written per provider family; every value is a typed parameter.
/// </summary>
internal static class OutboxEnqueueSql
{
    public enum Dialect
    {
        PostgreSql,
        MySql,
        SqlServer
    }

    private const string Table = OutboxTableMigration.TableName;

    private static readonly string[] Columns =
    [
        nameof(OrderTouchpointDelivery.StoreId), nameof(OrderTouchpointDelivery.OrderId), nameof(OrderTouchpointDelivery.VendorId),
        nameof(OrderTouchpointDelivery.EventId), nameof(OrderTouchpointDelivery.EventSourceId), nameof(OrderTouchpointDelivery.StatusId),
        nameof(OrderTouchpointDelivery.Attempts), nameof(OrderTouchpointDelivery.NextAttemptOnUtc), nameof(OrderTouchpointDelivery.CreatedOnUtc),
        nameof(OrderTouchpointDelivery.EventOccurredOnUtc)
    ];

    /// <summary>
    /// The dialect of <c>INopDataProvider.ConfigurationName</c> ("PostgreSQL.9.2", "MySqlConnector", "MySql.Official",
    /// "SqlServer.2012", newer linq2db's "MariaDB…"); null for anything else, which keeps the repository's insert.
    /// </summary>
    public static Dialect? Of(string? configurationName) => configurationName switch
    {
        { } name when name.StartsWith("PostgreSQL", StringComparison.OrdinalIgnoreCase) => Dialect.PostgreSql,
        { } name when name.StartsWith("MySql", StringComparison.OrdinalIgnoreCase)
                      || name.StartsWith("MariaDB", StringComparison.OrdinalIgnoreCase) => Dialect.MySql,
        { } name when name.StartsWith("SqlServer", StringComparison.OrdinalIgnoreCase) => Dialect.SqlServer,
        _ => null
    };

    /// <summary>The insert of a pending row, due at <paramref name="nowUtc"/>, for each of <paramref name="vendors"/> (distinct, one or more).</summary>
    public static (string Sql, DataParameter[] Parameters) Build(Dialect dialect, int storeId, int orderId, TouchpointEvent touchpointEvent,
        long eventSourceId, IReadOnlyList<TouchpointVendor> vendors, DateTime eventOccurredOnUtc, DateTime nowUtc)
    {
        var parameters = new List<DataParameter>
        {
            DataParameter.Int32("StoreId", storeId),
            DataParameter.Int32("OrderId", orderId),
            DataParameter.Int32("EventId", (int)touchpointEvent),
            DataParameter.Int64("EventSourceId", eventSourceId),
            DataParameter.Int32("StatusId", (int)DeliveryStatus.Pending),
            DataParameter.Int32("Attempts", 0),
            DataParameter.DateTime2("NowUtc", nowUtc),
            DataParameter.DateTime2("EventOccurredOnUtc", eventOccurredOnUtc)
        };
        var vendorParameters = new List<string>(vendors.Count);
        for (var i = 0; i < vendors.Count; i++)
        {
            parameters.Add(DataParameter.Int32("VendorId" + i, (int)vendors[i]));
            vendorParameters.Add("@VendorId" + i);
        }
        var sql = dialect switch
        {
            Dialect.PostgreSql => PostgreSql(vendorParameters),
            Dialect.MySql => MySql(vendorParameters),
            Dialect.SqlServer => SqlServer(vendorParameters),
            _ => throw new ArgumentOutOfRangeException(nameof(dialect))
        };
        return (sql, parameters.ToArray());
    }

    /// <summary>A name quoted for the dialect (nopCommerce creates PostgreSQL names quoted, in PascalCase).</summary>
    public static string QuoteName(Dialect dialect, string name) => dialect switch
    {
        Dialect.PostgreSql => $"\"{name}\"",
        Dialect.MySql => $"`{name}`",
        _ => $"[{name}]"
    };

    private static string RowValues(string vendorParameter) =>
        $"(@StoreId, @OrderId, {vendorParameter}, @EventId, @EventSourceId, @StatusId, @Attempts, @NowUtc, @NowUtc, @EventOccurredOnUtc)";

    private static string ColumnList(Dialect dialect) => string.Join(", ", Columns.Select(column => QuoteName(dialect, column)));

    // Without a conflict target, DO NOTHING also skips a key a concurrent transaction commits meanwhile, and does not depend
    // on the key index's name.
    private static string PostgreSql(List<string> vendorParameters) =>
        $"""
        INSERT INTO "{Table}" ({ColumnList(Dialect.PostgreSql)})
        VALUES {string.Join(", ", vendorParameters.Select(RowValues))}
        ON CONFLICT DO NOTHING
        """;

    // Not ON DUPLICATE KEY UPDATE Id = Id: MySQL connectors default to "found rows", which would count every skipped row as
    // created. IGNORE's other effect, data errors turned into warnings, cannot arise: every value is a typed NOT NULL number
    // or time of our own and the table has no foreign keys, so the only error left is the duplicate key it is meant to skip.
    private static string MySql(List<string> vendorParameters) =>
        $"""
        INSERT IGNORE INTO `{Table}` ({ColumnList(Dialect.MySql)})
        VALUES {string.Join(", ", vendorParameters.Select(RowValues))}
        """;

    // SQL Server has no "skip on conflict" insert: UPDLOCK and HOLDLOCK keep the key range locked until the insert, so a
    // second session waits, then sees the rows (without them both could pass the check and one fail on the unique index).
    private static string SqlServer(List<string> vendorParameters) =>
        $"""
        INSERT INTO [{Table}] ({ColumnList(Dialect.SqlServer)})
        SELECT @StoreId, @OrderId, [v].[VendorId], @EventId, @EventSourceId, @StatusId, @Attempts, @NowUtc, @NowUtc, @EventOccurredOnUtc
        FROM (VALUES {string.Join(", ", vendorParameters.Select(p => $"({p})"))}) AS [v]([VendorId])
        WHERE NOT EXISTS (SELECT 1 FROM [{Table}] AS [d] WITH (UPDLOCK, HOLDLOCK)
            WHERE [d].[StoreId] = @StoreId AND [d].[OrderId] = @OrderId AND [d].[VendorId] = [v].[VendorId]
            AND [d].[EventId] = @EventId AND [d].[EventSourceId] = @EventSourceId)
        """;
}
