using System.Globalization;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// Reads <see cref="OrderTouchpointsDeliverySettings.RetrySchedule"/>: delays between attempts such as
/// <c>10s,1m,5m,30m,2h,6h,12h,24h</c> (whole numbers with s, m, h or d), comma separated.
/// </summary>
public static class RetryScheduleParser
{
    public const int MaxSteps = 30;

    /// <summary>One delay longer than this is almost certainly a typo (a day was meant, not a month).</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7);

    public static bool TryParse(string? text, out IReadOnlyList<TimeSpan> delays)
    {
        delays = [];
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var steps = text.Split(',', StringSplitOptions.TrimEntries);
        if (steps.Length > MaxSteps)
            return false;
        var parsed = new List<TimeSpan>(steps.Length);
        foreach (var step in steps)
        {
            if (TryParseStep(step) is not { } delay)
                return false;
            parsed.Add(delay);
        }
        delays = parsed;
        return true;
    }

    private static TimeSpan? TryParseStep(string step)
    {
        if (step.Length < 2 || !int.TryParse(step.AsSpan(0, step.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            return null;
        TimeSpan? delay = char.ToLowerInvariant(step[^1]) switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => null
        };
        return delay <= MaxDelay ? delay : null;
    }
}
