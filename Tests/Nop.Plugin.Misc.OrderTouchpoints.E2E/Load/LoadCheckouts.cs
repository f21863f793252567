using System.Collections.Concurrent;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E.Load;

/// <summary>What one round of concurrent checkouts produced: the orders placed and how many checkouts nopCommerce aborted.</summary>
public sealed record LoadRound(bool VendorsOn, IReadOnlyList<PlacedOrder> Orders, int Aborted);

/// <summary>
/// A busy shop: <c>concurrency</c> customers checking out at the same time through the storefront's one-page checkout,
/// each with a session and an email of its own, until a round's orders are placed. nopCommerce itself aborts about one
/// concurrent checkout in 60 ("The transaction has aborted" or PostgreSQL's "could not serialize access", with the plugin's
/// vendors off as well as on): such an order is placed again by a new customer and counted apart; any other failure ends
/// the run.
/// </summary>
public sealed class LoadCheckouts(Suite suite, int concurrency)
{
    private const int MaxAbortsPerOrder = 5;

    public async Task<LoadRound> RunRoundAsync(int orders, bool vendorsOn, string label)
    {
        var placed = new ConcurrentBag<PlacedOrder>();
        var aborted = 0;
        var next = 0;
        async Task CustomerAsync()
        {
            while (Interlocked.Increment(ref next) <= orders)
            {
                for (var attempt = 1; ; attempt++)
                {
                    using var session = suite.NewSession();
                    try
                    {
                        placed.Add(await suite.Checkout.PlaceOrderAsync(session, Buyers.Guest(label)));
                        break;
                    }
                    catch (InvalidOperationException failure) when (IsHostAbort(failure) && attempt < MaxAbortsPerOrder)
                    {
                        Interlocked.Increment(ref aborted);
                    }
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(CustomerAsync)));
        return new LoadRound(vendorsOn, placed.OrderBy(o => o.OrderId).ToList(), aborted);
    }

    // Both are nopCommerce's own order transaction losing to a concurrent one: the message of its TransactionScope, and
    // PostgreSQL's serialization failure (SQLSTATE 40001), seen in a round with the plugin's vendors off.
    private static bool IsHostAbort(InvalidOperationException failure) =>
        failure.Message.Contains("transaction has aborted", StringComparison.OrdinalIgnoreCase)
        || failure.Message.Contains("40001: could not serialize access", StringComparison.Ordinal);
}
