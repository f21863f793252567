using Npgsql;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>The store's PostgreSQL database, read (and, for set-up the admin has no page for, written) directly.</summary>
public sealed class StoreDatabase(string postgresUrl)
{
    private readonly string _connectionString = ConnectionString(new Uri(postgresUrl));

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

    public Task<bool> TableExistsAsync(string table) =>
        ScalarAsync<bool>("select exists (select 1 from information_schema.tables where table_name = $1)", table);

    public Task<bool> ColumnExistsAsync(string table, string column) =>
        ScalarAsync<bool>("select exists (select 1 from information_schema.columns where table_name = $1 and column_name = $2)", table, column);

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return command;
    }

    private static string ConnectionString(Uri url)
    {
        var credentials = url.UserInfo.Split(':', 2);
        return new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.Port,
            Database = url.AbsolutePath.TrimStart('/'),
            Username = Uri.UnescapeDataString(credentials[0]),
            Password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : null,
            Pooling = true
        }.ConnectionString;
    }
}
