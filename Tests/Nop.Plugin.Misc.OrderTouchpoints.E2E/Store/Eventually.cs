using System.Diagnostics;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>Waits, bounded, for something the store does in the background (the delivery worker) to become true.</summary>
public static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan timeout) =>
        await TrueAsync(() => Task.FromResult(condition()), timeout);

    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
                return false;
            await Task.Delay(100);
        }
        return true;
    }
}
