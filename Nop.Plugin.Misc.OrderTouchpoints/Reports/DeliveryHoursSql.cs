using LinqToDB.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using static Nop.Plugin.Misc.OrderTouchpoints.Delivery.OutboxEnqueueSql;

namespace Nop.Plugin.Misc.OrderTouchpoints.Reports;

/// <summary>
/// The writes of the hourly counts (<see cref="OrderTouchpointDeliveryHour"/>) in each provider's SQL: an insert that
/// skips every row whose key exists, so two nodes counting the same hour leave one count (nopCommerce's repository
/// has no such insert), and the prune. Every value is a typed parameter.
/// </summary>
internal static class DeliveryHoursSql
{
    /// <summary>Rows per insert: 5 parameters a row stays under SQL Server's 2,100 parameters per statement.</summary>
    public const int RowsPerStatement = 300;

    private const string Table = DeliveryHoursMigration.TableName;

    private static readonly string[] Columns =
    [
        nameof(OrderTouchpointDeliveryHour.HourUtc), nameof(OrderTouchpointDeliveryHour.StatusId), nameof(OrderTouchpointDeliveryHour.StoreId),
        nameof(OrderTouchpointDeliveryHour.VendorId), nameof(OrderTouchpointDeliveryHour.Deliveries)
    ];

    /// <summary>The statement inserting <paramref name="rows"/> (at most <see cref="RowsPerStatement"/>), skipping those whose key exists.</summary>
    public static (string Sql, DataParameter[] Parameters) Insert(Dialect dialect, IReadOnlyList<OrderTouchpointDeliveryHour> rows)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows.Count, RowsPerStatement);
        var parameters = new List<DataParameter>(rows.Count * Columns.Length);
        var values = new List<string>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            parameters.Add(DataParameter.DateTime2("h" + i, rows[i].HourUtc));
            parameters.Add(DataParameter.Int32("s" + i, rows[i].StatusId));
            parameters.Add(DataParameter.Int32("t" + i, rows[i].StoreId));
            parameters.Add(DataParameter.Int32("v" + i, rows[i].VendorId));
            parameters.Add(DataParameter.Int32("n" + i, rows[i].Deliveries));
            values.Add($"(@h{i}, @s{i}, @t{i}, @v{i}, @n{i})");
        }
        var sql = dialect switch
        {
            // Without a conflict target DO NOTHING also skips a key another node's transaction inserts meanwhile (it waits, then skips).
            Dialect.PostgreSql => $"INSERT INTO \"{Table}\" ({ColumnList(dialect)}) VALUES {string.Join(", ", values)} ON CONFLICT DO NOTHING",
            // IGNORE skips duplicate keys; the data errors it would also hide cannot arise from typed int and datetime parameters.
            Dialect.MySql => $"INSERT IGNORE INTO `{Table}` ({ColumnList(dialect)}) VALUES {string.Join(", ", values)}",
            // No "skip on conflict" insert: NOT EXISTS read under UPDLOCK, HOLDLOCK, so a second session waits and then inserts none.
            Dialect.SqlServer => $"""
                INSERT INTO [{Table}] ({ColumnList(dialect)})
                SELECT * FROM (VALUES {string.Join(", ", values)}) AS [v]({ColumnList(dialect)})
                WHERE NOT EXISTS (SELECT 1 FROM [{Table}] AS [d] WITH (UPDLOCK, HOLDLOCK)
                    WHERE [d].[StatusId] = [v].[StatusId] AND [d].[HourUtc] = [v].[HourUtc] AND [d].[StoreId] = [v].[StoreId] AND [d].[VendorId] = [v].[VendorId])
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(dialect))
        };
        return (sql, parameters.ToArray());
    }

    /// <summary>The statement dropping the counts of hours that start before <paramref name="beforeUtc"/>.</summary>
    public static (string Sql, DataParameter[] Parameters) Prune(Dialect dialect, DateTime beforeUtc)
    {
        var sql = $"DELETE FROM {QuoteName(dialect, Table)} WHERE {QuoteName(dialect, nameof(OrderTouchpointDeliveryHour.HourUtc))} < @Before";
        return (sql, [DataParameter.DateTime2("Before", beforeUtc)]);
    }

    private static string ColumnList(Dialect dialect) => string.Join(", ", Columns.Select(column => QuoteName(dialect, column)));
}
