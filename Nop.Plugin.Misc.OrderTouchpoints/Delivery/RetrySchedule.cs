using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The delays between attempts ("10s,1m,5m": s, m, h or d). An unreadable setting falls back to the default as a whole, so a
/// typo never stops delivery; the admin page refuses what <see cref="TryParse"/> refuses, so a saved one is never replaced.
/// </summary>
public sealed class RetrySchedule
{
    public const string DefaultText = "10s,1m,5m,30m,2h,6h,12h,24h";

    /// <summary>A delay longer than this is surely a typo (a day was meant, not a month).</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7);

    /// <summary>More retries than this would keep a delivery retrying for months.</summary>
    public const int MaxRetries = 30;

    public static RetrySchedule Default { get; } = new(ParseOrNull(DefaultText)!);

    private RetrySchedule(IReadOnlyList<TimeSpan> delays) => Delays = delays;

    /// <summary>Delay before retry 1, 2, …</summary>
    public IReadOnlyList<TimeSpan> Delays { get; }

    /// <summary>Attempts a vendor that keeps failing gets: the first plus one per delay.</summary>
    public int MaxAttempts => Delays.Count + 1;

    /// <summary>How long after its first attempt a delivery keeps trying: the sum of the delays.</summary>
    public TimeSpan Total => Delays.Aggregate(TimeSpan.Zero, (sum, delay) => sum + delay);

    public static RetrySchedule Parse(string? text) => TryParse(text, out var schedule) ? schedule : Default;

    public static bool TryParse(string? text, [NotNullWhen(true)] out RetrySchedule? schedule)
    {
        schedule = ParseOrNull(text) is { } delays ? new RetrySchedule(delays) : null;
        return schedule is not null;
    }

    /// <summary>The schedule as stored: the steps as written, comma separated.</summary>
    public static string Normalize(string text) => string.Join(",", Steps(text));

    /// <summary>Past the schedule's end its last step: a delivery stops by time (<see cref="Total"/>), not by a count.</summary>
    public TimeSpan DelayAfterAttempt(int attempts) => Delays[Math.Clamp(attempts - 1, 0, Delays.Count - 1)];

    private static List<TimeSpan>? ParseOrNull(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var delays = new List<TimeSpan>();
        foreach (var part in Steps(text))
        {
            if (ParseDelay(part) is not { } delay)
                return null;
            delays.Add(delay);
        }
        return delays.Count is > 0 and <= MaxRetries ? delays : null;
    }

    private static string[] Steps(string text) =>
        text.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static TimeSpan? ParseDelay(string part)
    {
        if (part.Length < 2 || !int.TryParse(part.AsSpan(0, part.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            return null;
        long? unitSeconds = char.ToLowerInvariant(part[^1]) switch
        {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86400,
            _ => null
        };
        var seconds = amount * unitSeconds;
        return seconds <= (long)MaxDelay.TotalSeconds ? TimeSpan.FromSeconds(seconds.Value) : null;
    }
}
