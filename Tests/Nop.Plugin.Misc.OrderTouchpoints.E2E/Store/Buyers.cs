namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Store;

/// <summary>Buyers with an email of their own per order, so each vendor request can be matched to its order.</summary>
public static class Buyers
{
    private static int _next;

    public static Buyer Guest(string label)
    {
        var n = Interlocked.Increment(ref _next);
        return new Buyer($"e2e-{label}-{n}-{Guid.NewGuid():N}"[..40].TrimEnd('-') + "@example.com", "Giulia", "Rossi", $"10{n % 1000:000}");
    }
}
