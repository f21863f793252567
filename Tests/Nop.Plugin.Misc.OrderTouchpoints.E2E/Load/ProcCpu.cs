using System.Globalization;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Load;

/// <summary>CPU time as Linux reports it for a process or one of its threads.</summary>
public static class ProcCpu
{
    /// <summary>
    /// User + system CPU time from a <c>/proc/&lt;pid&gt;/stat</c> or <c>/proc/&lt;pid&gt;/task/&lt;tid&gt;/stat</c> file
    /// (fields 14 and 15, in clock ticks of 1/100 s on Linux).
    /// </summary>
    public static TimeSpan Of(string statFile)
    {
        var fields = FieldsAfterName(File.ReadAllText(statFile));
        return Ticks(fields[11]) + Ticks(fields[12]);
    }

    // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis, from field 3.
    private static string[] FieldsAfterName(string stat) => stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

    // Clock ticks of 1/100 s on Linux.
    private static TimeSpan Ticks(string field) => TimeSpan.FromMilliseconds(long.Parse(field, CultureInfo.InvariantCulture) * 10);

    /// <summary>
    /// The CPU time of every PostgreSQL server process, including the backends that have exited (the postmaster reaps them,
    /// so their time moves into its children's fields 16 and 17): the database's own share of the machine.
    /// </summary>
    public static TimeSpan PostgreSqlServer()
    {
        var total = TimeSpan.Zero;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue; // not a process, or it ended since the listing
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            if (open < 0 || close < open || stat[(open + 1)..close] != "postgres")
                continue;
            var fields = FieldsAfterName(stat);
            total += Ticks(fields[11]) + Ticks(fields[12]) + Ticks(fields[13]) + Ticks(fields[14]);
        }
        return total;
    }

    /// <summary>
    /// The whole machine's busy CPU time from <c>/proc/stat</c> (every state but idle and iowait): the store, its database
    /// and this process share the cores, and a database backend's CPU leaves with it when its connection closes.
    /// </summary>
    public static TimeSpan Machine()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // cpu user nice system idle iowait irq softirq steal
        var ticks = new[] { 1, 2, 3, 6, 7, 8 }.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
