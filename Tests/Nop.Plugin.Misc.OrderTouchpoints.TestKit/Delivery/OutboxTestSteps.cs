using Nop.Plugin.Misc.OrderTouchpoints.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>What a dispatcher does to due rows before sending them, for tests that drive an outbox by hand.</summary>
public static class OutboxTestSteps
{
    public const string TestNode = "test-node:1";

    /// <summary>Claims up to <paramref name="maxCount"/> due rows as the dispatcher does: being sent, attempt counted.</summary>
    public static async Task<IReadOnlyList<OrderTouchpointDelivery>> TakeDueAsync(this IDeliveryOutbox outbox, int maxCount, TimeSpan lease) =>
        (await outbox.ClaimDueAsync(maxCount, lease, TestNode)).Select(claimed => claimed.Row).ToList();
}
