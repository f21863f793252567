using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Connections;

/// <summary>
/// A vendor's answer is read up to 1 MB, whatever it sends: a 50 MB answer costs about what a small one does, and the
/// vendor did answer, so its status decides the outcome and the reason says the answer was cut.
/// </summary>
[NonParallelizable]
public class BoundedAnswerTests
{
    private const long HugeAnswer = 50L * 1024 * 1024;

    [Test]
    public async Task A_50_MB_answer_costs_no_more_memory_than_a_small_one_and_a_200_still_delivers()
    {
        await using var bed = VendorConnectionsTestBed.Start(TouchpointVendor.VtMarketing, ConnectionHabit.KeepAliveWithIdleTimeout);
        var orders = bed.AddOrders(4);
        // The first delivery warms up the connection pool, JSON and Polly, so neither measured one pays for that.
        await bed.CreateChannel().DeliverAsync(ChannelTestContext.PlacedOrder(orders[0]), CancellationToken.None);

        var (small, smallBytes) = await DeliverMeasuredAsync(bed, orders[1]);
        bed.Server.AnswerBytes = HugeAnswer;
        var (huge, hugeBytes) = await DeliverMeasuredAsync(bed, orders[2]);

        TestContext.Out.WriteLine($"METRIC answer_allocated_small {smallBytes / 1024.0:0} KB");
        TestContext.Out.WriteLine($"METRIC answer_allocated_50mb {hugeBytes / 1024.0:0} KB");
        Assert.That(small.Kind, Is.EqualTo(OutcomeKind.Delivered), small.Reason);
        Assert.That(huge.Kind, Is.EqualTo(OutcomeKind.Delivered), "VTmarketing answered 200: the event is recorded, however long the answer");
        Assert.That(hugeBytes, Is.LessThan(8L * 1024 * 1024), "a 50 MB answer is read up to 1 MB");
        Assert.That(bed.Server.Requests, Has.Count.EqualTo(3));
    }

    [TestCase(400, OutcomeKind.Rejected)]
    [TestCase(503, OutcomeKind.RetryLater)]
    public async Task A_cut_error_answer_is_classified_by_its_status_and_the_reason_says_it_was_cut(int status, OutcomeKind expected)
    {
        await using var bed = VendorConnectionsTestBed.Start(TouchpointVendor.Transactionale, ConnectionHabit.KeepAliveWithIdleTimeout);
        var order = bed.AddOrders(1).Single();
        bed.Server.AnswerStatus = status;
        bed.Server.AnswerBytes = HugeAnswer;

        var outcome = await bed.CreateChannel().DeliverAsync(ChannelTestContext.PlacedOrder(order), CancellationToken.None);

        Assert.That(outcome.Kind, Is.EqualTo(expected), outcome.Reason);
        Assert.That(outcome.HttpStatus, Is.EqualTo(status));
        Assert.That(outcome.Reason, Does.StartWith($"HTTP {status}: {VendorHttp.CutAnswerMark}"));
        Assert.That(outcome.Reason!.Length, Is.LessThanOrEqualTo(VendorErrorText.MaxLength + 20));
        Assert.That(bed.Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_answer_of_exactly_1_MB_is_kept_whole()
    {
        await using var bed = VendorConnectionsTestBed.Start(TouchpointVendor.Transactionale, ConnectionHabit.KeepAliveWithIdleTimeout);
        var order = bed.AddOrders(1).Single();
        bed.Server.AnswerStatus = 422;
        bed.Server.AnswerBytes = VendorHttp.MaxAnswerBytes;

        var outcome = await bed.CreateChannel().DeliverAsync(ChannelTestContext.PlacedOrder(order), CancellationToken.None);

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Rejected));
        Assert.That(outcome.Reason, Does.StartWith("HTTP 422: \"xxx"));
    }

    private static async Task<(DeliveryOutcome Outcome, long AllocatedBytes)> DeliverMeasuredAsync(VendorConnectionsTestBed bed, int orderId)
    {
        var channel = bed.CreateChannel();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var outcome = await channel.DeliverAsync(ChannelTestContext.PlacedOrder(orderId), CancellationToken.None);
        return (outcome, GC.GetTotalAllocatedBytes(precise: true) - before);
    }
}
