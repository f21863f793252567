using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Connections;

/// <summary>
/// Vendor servers that close connections: .NET's connection pool would reuse a connection the server already closed
/// and lose the request on it, which the plugin can only report as "sent, the connection broke". Through the real
/// typed clients and channels, every delivery must arrive exactly once.
/// </summary>
[NonParallelizable]
public class ClosedConnectionTests
{
    private const int Deliveries = 200;
    private const int ParallelSends = 8;

    [TestCase(TouchpointVendor.Transactionale)]
    [TestCase(TouchpointVendor.VtMarketing)]
    public async Task A_server_that_answers_http_1_0_and_closes_after_each_answer_gets_every_delivery_once(TouchpointVendor vendor)
    {
        await using var bed = VendorConnectionsTestBed.Start(vendor, ConnectionHabit.Http10ClosesAfterEachAnswer);

        var run = await bed.DeliverAllAsync(bed.AddOrders(Deliveries), ParallelSends);

        TestContext.Out.WriteLine($"METRIC closing_server_http10_{vendor} {run}");
        AssertEveryDeliveryArrivedOnce(bed, run);
    }

    [TestCase(TouchpointVendor.Transactionale)]
    [TestCase(TouchpointVendor.VtMarketing)]
    public async Task A_server_with_a_2_second_keep_alive_idle_timeout_gets_every_delivery_once(TouchpointVendor vendor)
    {
        await using var bed = VendorConnectionsTestBed.Start(vendor, ConnectionHabit.KeepAliveWithIdleTimeout);
        var idle = bed.Server.IdleTimeout;
        // Every fourth send is followed by a pause within 120 ms of the server's idle timeout, on either side: the
        // pooled connection is then reused just before, as or just after the server drops it.
        var jitter = new Random(20261205);
        TimeSpan? PauseAfter(int n)
        {
            lock (jitter)
                return n % 4 == 3 ? idle + TimeSpan.FromMilliseconds(jitter.Next(-120, 121)) : null;
        }

        var run = await bed.DeliverAllAsync(bed.AddOrders(Deliveries), ParallelSends, PauseAfter);

        TestContext.Out.WriteLine($"METRIC closing_server_idle2s_{vendor} {run}");
        AssertEveryDeliveryArrivedOnce(bed, run);
    }

    [TestCase(TouchpointVendor.Transactionale)]
    [TestCase(TouchpointVendor.VtMarketing)]
    public async Task A_closing_server_at_the_address_a_keep_alive_server_had_gets_every_delivery_once(TouchpointVendor vendor)
    {
        // The store's clients outlive one vendor server: what they learned from a keep-alive one must not send the next
        // server's requests onto connections it closed. Only the requests that start before the first answer are at risk,
        // so the switch is made four times, on four addresses.
        for (var address = 1; address <= 4; address++)
        {
            int port;
            await using (var before = VendorConnectionsTestBed.Start(vendor, ConnectionHabit.KeepAliveWithIdleTimeout))
            {
                var earlier = await before.DeliverAllAsync(before.AddOrders(20), ParallelSends);
                Assert.That(earlier.NotDelivered, Is.Empty, earlier.ToString());
                port = before.Server.Url("/").Port;
            }
            await using var bed = VendorConnectionsTestBed.Start(vendor, ConnectionHabit.Http10ClosesAfterEachAnswer, port);

            var run = await bed.DeliverAllAsync(bed.AddOrders(Deliveries), ParallelSends);

            TestContext.Out.WriteLine($"address {address}: {run}");
            AssertEveryDeliveryArrivedOnce(bed, run);
        }
    }

    private static void AssertEveryDeliveryArrivedOnce(VendorConnectionsTestBed bed, DeliveryRun run)
    {
        Assert.That(bed.Server.ContractViolations, Is.Empty, "contract violations");
        Assert.That(run.NotDelivered, Is.Empty, run.ToString());
        Assert.That(run.BodiesReceivedTwice, Is.Zero, run.ToString());
        Assert.That(run.RequestsReceived, Is.EqualTo(Deliveries), run.ToString());
    }
}
