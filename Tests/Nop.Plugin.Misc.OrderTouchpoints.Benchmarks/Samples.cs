using System.Diagnostics;

namespace Nop.Plugin.Misc.OrderTouchpoints.Benchmarks;

/// <summary>Timings collected one call at a time, read as percentiles.</summary>
public sealed class Samples(int capacity)
{
    private readonly List<double> _values = new(capacity);
    private bool _sorted;

    public int Count => _values.Count;

    public void Add(double value)
    {
        _values.Add(value);
        _sorted = false;
    }

    /// <summary>Adds the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp) in microseconds.</summary>
    public void AddMicrosecondsSince(long startTimestamp) => Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMicroseconds);

    /// <summary>Nearest-rank percentile, <paramref name="p"/> in 0..1.</summary>
    public double Percentile(double p)
    {
        if (_values.Count == 0)
            return 0;
        if (!_sorted)
        {
            _values.Sort();
            _sorted = true;
        }
        return _values[Math.Clamp((int)Math.Ceiling(p * _values.Count) - 1, 0, _values.Count - 1)];
    }
}
