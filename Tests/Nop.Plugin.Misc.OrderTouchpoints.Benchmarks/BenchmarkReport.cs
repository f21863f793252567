using System.Globalization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Benchmarks;

/// <summary>Writes metric lines in the one format scripts parse, and free-form notes as comments.</summary>
public sealed class BenchmarkReport(TextWriter output)
{
    public void Metric(string name, double value, string unit) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"METRIC {name} {value:0.##} {unit}"));

    public void Note(string text) => output.WriteLine("# " + text);
}
