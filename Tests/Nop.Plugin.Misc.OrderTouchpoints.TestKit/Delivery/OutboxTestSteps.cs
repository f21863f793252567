using Nop.Plugin.Misc.OrderTouchpoints.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>What a dispatcher does to a due row before sending it, for tests that drive an outbox by hand.</summary>
public static class OutboxTestSteps
{
    /// <summary>
    /// Takes up to <paramref name="maxCount"/> due rows as the dispatcher sends them: claimed, then started (in progress,
    /// attempt counted).
    /// </summary>
    public static async Task<IReadOnlyList<OrderTouchpointDelivery>> TakeDueAsync(this IDeliveryOutbox outbox, int maxCount, TimeSpan lease) =>
        await outbox.StartAsync(await outbox.ClaimDueAsync(maxCount, lease), lease);
}
