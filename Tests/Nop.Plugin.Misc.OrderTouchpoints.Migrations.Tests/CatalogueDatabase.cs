using System.Data.Common;
using MySqlConnector;
using Npgsql;

namespace Nop.Plugin.Misc.OrderTouchpoints.Migrations.Tests;

public enum DatabaseKind
{
    PostgreSQL,
    MariaDB
}

/// <summary>One column as the database's catalogue describes it (types in the catalogue's lower-case spelling).</summary>
public sealed record CatalogueColumn(string Name, string Type, bool Nullable, int? DateTimePrecision, bool Identity);

/// <summary>One index as the database's catalogue describes it, columns in key order.</summary>
public sealed record CatalogueIndex(string Name, string Columns, bool Unique, bool PrimaryKey);

/// <summary>
/// An empty database of its own on one of the servers of build/db-servers.sh, read back through its catalogue
/// (information_schema, and pg_index for PostgreSQL's index keys). Dropped on dispose.
/// </summary>
public sealed class CatalogueDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    private CatalogueDatabase(DatabaseKind kind, string serverConnectionString, string name)
    {
        Kind = kind;
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = kind == DatabaseKind.PostgreSQL
            ? new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString
            : new MySqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public DatabaseKind Kind { get; }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The server's connection string from build/db-servers.sh, or null when it is not running.</summary>
    public static string? ServerConnectionString(DatabaseKind kind) =>
        Environment.GetEnvironmentVariable(kind == DatabaseKind.PostgreSQL ? "OT_TEST_POSTGRES" : "OT_TEST_MARIADB") is { Length: > 0 } value ? value : null;

    public static async Task<CatalogueDatabase> CreateAsync(DatabaseKind kind, string serverConnectionString, CancellationToken cancellationToken)
    {
        var database = new CatalogueDatabase(kind, serverConnectionString, "ot_migration_" + Guid.NewGuid().ToString("N")[..12]);
        await using var server = Open(kind, serverConnectionString);
        await server.OpenAsync(cancellationToken);
        await ExecuteAsync(server, $"CREATE DATABASE {database.Name}", cancellationToken);
        return database;
    }

    public string Quote(string identifier) => Kind == DatabaseKind.PostgreSQL ? $"\"{identifier}\"" : $"`{identifier}`";

    public async Task<IReadOnlyList<string>> TablesAsync(CancellationToken cancellationToken) =>
        await QueryAsync(
            Kind == DatabaseKind.PostgreSQL
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                : "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()",
            row => row.GetString(0), cancellationToken);

    public async Task<IReadOnlyList<CatalogueColumn>> ColumnsAsync(string table, CancellationToken cancellationToken) =>
        await QueryAsync(
            Kind == DatabaseKind.PostgreSQL
                ? $"""
                   SELECT column_name, data_type, is_nullable = 'YES', datetime_precision,
                          is_identity = 'YES' OR coalesce(column_default, '') LIKE 'nextval(%'
                   FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}' ORDER BY ordinal_position
                   """
                : $"""
                   SELECT COLUMN_NAME, DATA_TYPE, IS_NULLABLE = 'YES', DATETIME_PRECISION, EXTRA LIKE '%auto_increment%'
                   FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '{table}' ORDER BY ORDINAL_POSITION
                   """,
            row => new CatalogueColumn(row.GetString(0), row.GetString(1).ToLowerInvariant(), Convert.ToBoolean(row.GetValue(2)),
                row.IsDBNull(3) ? null : Convert.ToInt32(row.GetValue(3)), Convert.ToBoolean(row.GetValue(4))),
            cancellationToken);

    public async Task<IReadOnlyList<CatalogueIndex>> IndexesAsync(string table, CancellationToken cancellationToken) =>
        await QueryAsync(
            Kind == DatabaseKind.PostgreSQL
                ? $"""
                   SELECT i.relname,
                          array_to_string(array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, position)
                                                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.position), ','),
                          x.indisunique, x.indisprimary
                   FROM pg_class t JOIN pg_index x ON x.indrelid = t.oid JOIN pg_class i ON i.oid = x.indexrelid
                   JOIN pg_namespace n ON n.oid = t.relnamespace
                   WHERE n.nspname = 'public' AND t.relname = '{table}'
                   """
                : $"""
                   SELECT INDEX_NAME, GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX SEPARATOR ','), MIN(NON_UNIQUE) = 0, INDEX_NAME = 'PRIMARY'
                   FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '{table}' GROUP BY INDEX_NAME
                   """,
            row => new CatalogueIndex(row.GetString(0), row.GetString(1), Convert.ToBoolean(row.GetValue(2)), Convert.ToBoolean(row.GetValue(3))),
            cancellationToken);

    public async Task<long> CountAsync(string table, string condition, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT COUNT(*) FROM {Quote(table)} WHERE {condition}", row => Convert.ToInt64(row.GetValue(0)), cancellationToken))[0];

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = Open(Kind, ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, sql, cancellationToken);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = Open(Kind, ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(read(reader));
        return rows;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbConnection Open(DatabaseKind kind, string connectionString) =>
        kind == DatabaseKind.PostgreSQL ? new NpgsqlConnection(connectionString) : new MySqlConnection(connectionString);

    public async ValueTask DisposeAsync()
    {
        if (Kind == DatabaseKind.PostgreSQL)
            NpgsqlConnection.ClearAllPools();
        else
            MySqlConnection.ClearAllPools();
        await using var server = Open(Kind, _serverConnectionString);
        await server.OpenAsync();
        await ExecuteAsync(server, Kind == DatabaseKind.PostgreSQL ? $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)" : $"DROP DATABASE IF EXISTS {Name}", CancellationToken.None);
    }
}
