namespace Nop.Plugin.Misc.OrderTouchpoints.Models;

/// <summary>The health chart's window: the last 24 hours per hour, or the last 30 days per day.</summary>
public enum DeliveryHealthPeriod
{
    Hours = 24,
    Days = 30
}
