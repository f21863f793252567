using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

public static class DeliveryLoop
{
    /// <summary>
    /// What the worker does, with the manual clock instead of sleeping: drain, jump to the next due time,
    /// drain again — until nothing waits. Returns the number of drains.
    /// </summary>
    public static async Task<int> RunUntilSettledAsync(DeliveryDispatcher dispatcher, ManualTimeProvider time, int maxDrains = 5_000)
    {
        for (var drains = 1; drains <= maxDrains; drains++)
        {
            var result = await dispatcher.DrainAsync(CancellationToken.None);
            if (result.NextDueOnUtc is not { } next)
                return drains;
            var due = new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
            if (due > time.GetUtcNow())
                time.SetUtcNow(due);
        }
        throw new AssertionException($"the outbox did not settle within {maxDrains} drains");
    }
}
