using System.Data.Common;
using System.Text.RegularExpressions;
using MySqlConnector;
using Npgsql;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>
/// The store's database, PostgreSQL or MariaDB (nophost's NOP_DB), read (and, for set-up the admin has no page for,
/// written) directly. Scenarios write one SQL text for both: double-quoted names (MariaDB sessions run with
/// ANSI_QUOTES, as PostgreSQL reads them) and positional parameters $1, $2 (sent to MariaDB as @p1, @p2).
/// </summary>
public sealed partial class StoreDatabase
{
    private readonly string _connectionString;

    private StoreDatabase(bool isMariaDb, string connectionString)
    {
        IsMariaDb = isMariaDb;
        _connectionString = connectionString;
    }

    public bool IsMariaDb { get; }

    public static StoreDatabase For(StoreEnvironment environment) => environment.DatabaseKind == "mariadb"
        ? new StoreDatabase(true, MariaDbConnectionString(new Uri(environment.DatabaseUrl)))
        : new StoreDatabase(false, PostgresConnectionString(new Uri(environment.DatabaseUrl)));

    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
    }

    public async Task<List<Dictionary<string, object?>>> QueryAsync(string sql, params object[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < reader.FieldCount; i++)
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public async Task<int> ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Rows of the given orders, counted with an IN list the suite builds from ids (no provider's array type).</summary>
    public Task<long> CountForOrdersAsync(string table, IEnumerable<int> orderIds, string condition, params object[] parameters)
    {
        var ids = string.Join(", ", orderIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return ScalarAsync<long>($"""select count(*) from "{table}" where "OrderId" in ({(ids.Length == 0 ? "null" : ids)}) and {condition}""", parameters);
    }

    public Task<bool> TableExistsAsync(string table) =>
        ScalarAsync<bool>($"select count(*) > 0 from information_schema.tables where table_name = $1 and table_schema = {CurrentSchema}", table);

    public Task<bool> ColumnExistsAsync(string table, string column) =>
        ScalarAsync<bool>($"select count(*) > 0 from information_schema.columns where table_name = $1 and column_name = $2 and table_schema = {CurrentSchema}",
            table, column);

    /// <summary>Index name → whether it is unique, from the provider's own catalogue.</summary>
    public async Task<Dictionary<string, bool>> IndexesAsync(string table)
    {
        var rows = IsMariaDb
            ? await QueryAsync("""
                select index_name as name, min(non_unique) = 0 as is_unique from information_schema.statistics
                where table_name = $1 and table_schema = database() group by index_name
                """, table)
            : await QueryAsync("select indexname as name, indexdef like 'CREATE UNIQUE INDEX%' as is_unique from pg_indexes where tablename = $1", table);
        return rows.ToDictionary(r => (string)r["name"]!, r => Convert.ToBoolean(r["is_unique"]));
    }

    private string CurrentSchema => IsMariaDb ? "database()" : "current_schema()";

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = IsMariaDb ? new MySqlConnection(_connectionString) : new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        if (IsMariaDb)
        {
            await using var quotes = connection.CreateCommand();
            quotes.CommandText = "SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')";
            await quotes.ExecuteNonQueryAsync();
        }
        return connection;
    }

    private DbCommand Command(DbConnection connection, string sql, object[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = IsMariaDb ? Positional().Replace(sql, match => "@p" + match.Groups[1].Value) : sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.CreateParameter();
            if (IsMariaDb)
                parameter.ParameterName = "@p" + (i + 1);
            parameter.Value = parameters[i];
            command.Parameters.Add(parameter);
        }
        return command;
    }

    [GeneratedRegex(@"\$(\d+)")]
    private static partial Regex Positional();

    private static (string User, string? Password) Credentials(Uri url)
    {
        var parts = url.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null);
    }

    private static string PostgresConnectionString(Uri url)
    {
        var (user, password) = Credentials(url);
        return new NpgsqlConnectionStringBuilder
        {
            Host = url.Host, Port = url.Port, Database = url.AbsolutePath.TrimStart('/'), Username = user, Password = password, Pooling = true
        }.ConnectionString;
    }

    private static string MariaDbConnectionString(Uri url)
    {
        var (user, password) = Credentials(url);
        return new MySqlConnectionStringBuilder
        {
            Server = url.Host, Port = (uint)url.Port, Database = url.AbsolutePath.TrimStart('/'), UserID = user, Password = password, Pooling = true,
            // The store's datetime(6) columns hold UTC; read them back as UTC like the PostgreSQL path.
            DateTimeKind = MySqlDateTimeKind.Utc
        }.ConnectionString;
    }
}
