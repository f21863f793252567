using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Load;

/// <summary>
/// PostgreSQL's planning and execution time per statement (<c>pg_stat_statements</c>, which <c>build/bench.sh store-load</c>
/// loads into the store's server), read before and after a window: the database's side of a drain, statement by statement.
/// Null where the extension is not there (MariaDB, a server started without it). The benchmark's own statements are left
/// out: it writes its SQL in lower case, nopCommerce's linq2db and the plugin in upper case.
/// </summary>
public sealed partial class StatementTimes
{
    private readonly Dictionary<long, Statement> _byId;

    private StatementTimes(Dictionary<long, Statement> byId) => _byId = byId;

    public sealed record Statement(string Text, long Calls, double ExecMs, double PlanMs)
    {
        public double TotalMs => ExecMs + PlanMs;

        /// <summary>A select's column list says little: from its FROM on.</summary>
        public string Gist(int length)
        {
            var from = Text.StartsWith("SELECT ", StringComparison.Ordinal) ? Text.IndexOf(" FROM ", StringComparison.Ordinal) : -1;
            var gist = from > 0 ? "SELECT … " + Text[(from + 1)..] : Text;
            return gist.Length <= length ? gist : gist[..length] + "…";
        }
    }

    public static async Task<StatementTimes?> ReadAsync(StoreDatabase db)
    {
        if (db.IsMariaDb || await db.ScalarAsync<long>("select count(*) from pg_extension where extname = 'pg_stat_statements'") == 0)
            return null;
        List<Dictionary<string, object?>> rows;
        try
        {
            rows = await db.QueryAsync("""
                select s.queryid, s.query, s.calls, s.total_exec_time, s.total_plan_time
                from pg_stat_statements s join pg_database d on d.oid = s.dbid
                where d.datname = current_database() and s.queryid is not null
                """);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.ObjectNotInPrerequisiteState)
        {
            // The extension is there but its library is not loaded (a store started again without it).
            return null;
        }
        return new StatementTimes(rows
            .Where(r => !OwnStatement().IsMatch((string)r["query"]!))
            .GroupBy(r => Convert.ToInt64(r["queryid"], CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Select(r => new Statement(
                    Regex.Replace((string)r["query"]!, @"\s+", " ").Trim(),
                    Convert.ToInt64(r["calls"], CultureInfo.InvariantCulture),
                    Convert.ToDouble(r["total_exec_time"], CultureInfo.InvariantCulture),
                    Convert.ToDouble(r["total_plan_time"], CultureInfo.InvariantCulture)))
                .Aggregate((a, b) => a with { Calls = a.Calls + b.Calls, ExecMs = a.ExecMs + b.ExecMs, PlanMs = a.PlanMs + b.PlanMs })));
    }

    /// <summary>What ran between <paramref name="before"/> and this reading, most time first.</summary>
    public IReadOnlyList<Statement> Since(StatementTimes before) => _byId
        .Select(pair => before._byId.TryGetValue(pair.Key, out var earlier)
            ? pair.Value with { Calls = pair.Value.Calls - earlier.Calls, ExecMs = pair.Value.ExecMs - earlier.ExecMs, PlanMs = pair.Value.PlanMs - earlier.PlanMs }
            : pair.Value)
        .Where(statement => statement.Calls > 0)
        .OrderByDescending(statement => statement.TotalMs)
        .ToList();

    [GeneratedRegex("^(select|insert|update|delete|with) ")]
    private static partial Regex OwnStatement();
}
