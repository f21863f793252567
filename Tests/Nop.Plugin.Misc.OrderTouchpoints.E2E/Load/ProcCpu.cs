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
        var stat = File.ReadAllText(statFile);
        // The command name (field 2) may hold spaces: count fields after its closing parenthesis, which is field 3.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
