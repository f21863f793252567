using System.Data.Common;
using LinqToDB;
using LinqToDB.Data;
using Nop.Core;
using Nop.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.DataKit;

/// <summary>
/// nopCommerce's data provider, reduced to what the reference surface declares: raw statements on a connection
/// of their own per call (as nopCommerce's), with the options of the given connection, and the linq2db provider's
/// name. Records each statement it ran to the end, so tests can tell the single-statement path from a fallback.
/// <paramref name="configurationName"/> makes it report another provider's name, so a statement written for that
/// provider fails on this database as a real one can.
/// </summary>
public sealed class Linq2DbDataProvider(DataConnection connection, string? configurationName = null) : INopDataProvider
{
    private readonly DataOptions _options = connection.Options;
    private readonly List<string> _executed = [];
    private readonly List<string?> _refused = [];

    public string ConfigurationName { get; } = configurationName ?? connection.DataProvider.Name;

    public IReadOnlyList<string> ExecutedStatements
    {
        get
        {
            lock (_executed)
                return [.. _executed];
        }
    }

    public IQueryable<TEntity> GetTable<TEntity>() where TEntity : BaseEntity => connection.GetTable<TEntity>();

    /// <summary>The SQLSTATE of each statement the database refused, so a test can tell a deadlock victim from a fault.</summary>
    public IReadOnlyList<string?> RefusedStatements
    {
        get
        {
            lock (_refused)
                return [.. _refused];
        }
    }

    public async Task<int> ExecuteNonQueryAsync(string sql, params DataParameter[] dataParameters)
    {
        await using var perCall = new DataConnection(_options);
        int affected;
        try
        {
            affected = await perCall.ExecuteAsync(sql, dataParameters);
        }
        catch (DbException exception)
        {
            lock (_refused)
                _refused.Add(exception.SqlState);
            throw;
        }
        lock (_executed)
            _executed.Add(sql);
        return affected;
    }

    public async Task<IList<T>> QueryAsync<T>(string sql, params DataParameter[] parameters)
    {
        await using var perCall = new DataConnection(_options);
        var rows = await perCall.QueryToListAsync<T>(sql, parameters);
        lock (_executed)
            _executed.Add(sql);
        return rows;
    }
}
