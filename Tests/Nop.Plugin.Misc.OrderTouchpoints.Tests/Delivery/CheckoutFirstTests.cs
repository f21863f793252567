using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Infrastructure;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Delivery;

public class CheckoutFirstTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    public async Task A_node_serving_no_request_lets_sends_run_side_by_side()
    {
        var checkoutFirst = new CheckoutFirst(new ManualTimeProvider());

        var first = await checkoutFirst.WaitForTurnAsync(CancellationToken.None);
        var second = await checkoutFirst.WaitForTurnAsync(CancellationToken.None);

        Assert.That(new[] { first, second }, Is.All.Null, "no turns are taken while no request is served");
    }

    [Test]
    public async Task While_a_request_is_served_a_send_waits_for_the_one_before_it()
    {
        var checkoutFirst = new CheckoutFirst(new ManualTimeProvider());
        checkoutFirst.RequestStarted();

        var first = await checkoutFirst.WaitForTurnAsync(CancellationToken.None);
        var second = checkoutFirst.WaitForTurnAsync(CancellationToken.None);
        var secondWaited = !second.IsCompleted;
        first!.Dispose();
        var secondTurn = await second.WaitAsync(Bound);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Not.Null);
            Assert.That(secondWaited, Is.True, "the second send waited while the first held the turn");
            Assert.That(secondTurn, Is.Not.Null, "the second send got the turn the first gave back");
        });
    }

    [Test]
    public async Task A_send_that_waited_the_longest_turn_wait_goes_without_a_turn()
    {
        var time = new ManualTimeProvider();
        var checkoutFirst = new CheckoutFirst(time);
        checkoutFirst.RequestStarted();
        using var held = await checkoutFirst.WaitForTurnAsync(CancellationToken.None);

        var waiting = checkoutFirst.WaitForTurnAsync(CancellationToken.None);
        time.Advance(CheckoutFirst.MaxTurnWait);

        Assert.That(await waiting.WaitAsync(Bound), Is.Null, "after the longest wait the send goes anyway, holding no turn");
    }

    [Test]
    public async Task A_send_cut_while_it_waits_for_its_turn_ends_cancelled()
    {
        var checkoutFirst = new CheckoutFirst(new ManualTimeProvider());
        checkoutFirst.RequestStarted();
        using var held = await checkoutFirst.WaitForTurnAsync(CancellationToken.None);
        using var stop = new CancellationTokenSource();

        var waiting = checkoutFirst.WaitForTurnAsync(stop.Token);
        await stop.CancelAsync();

        Assert.That(async () => await waiting.WaitAsync(Bound), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task The_startup_filter_counts_a_request_while_it_is_served_and_after_it_failed_no_more()
    {
        var checkoutFirst = new CheckoutFirst(new ManualTimeProvider());
        var servingSeen = new List<bool>();
        var application = new ApplicationBuilder(new ServiceCollection().BuildServiceProvider());
        new CheckoutFirstStartupFilter(checkoutFirst).Configure(app => app.Run(context =>
        {
            servingSeen.Add(checkoutFirst.ServingRequests);
            return context.Request.Path == "/fails" ? throw new InvalidOperationException("the page failed") : Task.CompletedTask;
        }))(application);
        var pipeline = application.Build();

        await pipeline(new DefaultHttpContext());
        var servingAfterRequest = checkoutFirst.ServingRequests;
        var failing = new DefaultHttpContext();
        failing.Request.Path = "/fails";
        Assert.That(() => pipeline(failing), Throws.InvalidOperationException);

        Assert.Multiple(() =>
        {
            Assert.That(servingSeen, Is.EqualTo(new[] { true, true }), "both requests were counted while served");
            Assert.That(servingAfterRequest, Is.False);
            Assert.That(checkoutFirst.ServingRequests, Is.False, "a failed request is no longer counted");
        });
    }
}
