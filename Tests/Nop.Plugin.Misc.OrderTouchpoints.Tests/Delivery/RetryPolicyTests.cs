using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Delivery;

public class RetryPolicyTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Token = Guid.NewGuid();

    private static OrderTouchpointDelivery RowAfter(int attempts) => new() { Id = 5, Attempts = attempts, Status = DeliveryStatus.InProgress };

    [Test]
    public void The_default_schedule_is_the_svix_shopify_style_one_of_about_45_hours()
    {
        var schedule = RetrySchedule.Parse("10s,1m,5m,30m,2h,6h,12h,24h");

        Assert.That(schedule.Delays, Is.EqualTo(new[]
        {
            TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
            TimeSpan.FromHours(2), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24)
        }));
        Assert.That(schedule.MaxAttempts, Is.EqualTo(9));
        Assert.That(schedule.Delays.Aggregate(TimeSpan.Zero, (a, b) => a + b).TotalHours, Is.InRange(44, 46));
        Assert.That(RetrySchedule.Default.Delays, Is.EqualTo(schedule.Delays));
    }

    [TestCase(" 30s ; 2M,1d ", new[] { 30, 120, 86400 })]
    [TestCase("5s", new[] { 5 })]
    public void Schedules_are_read_leniently(string text, int[] seconds) =>
        Assert.That(RetrySchedule.Parse(text).Delays, Is.EqualTo(seconds.Select(s => TimeSpan.FromSeconds(s))));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("10s,soon,1h")]
    [TestCase("10x")]
    [TestCase("-5s")]
    [TestCase("0s")]
    [TestCase("99999999999d")]
    [TestCase("2147483647d")]
    [TestCase("30d")]
    public void Invalid_schedules_fall_back_to_the_default_without_throwing(string? text) =>
        Assert.That(RetrySchedule.Parse(text).Delays, Is.EqualTo(RetrySchedule.Default.Delays));

    [Test]
    public void Delivered_is_final_and_clears_the_reason()
    {
        var result = RetryPolicy.Decide(RowAfter(3), Token, DeliveryOutcome.Delivered(201), RetrySchedule.Default, Now, 0.5);

        Assert.That(result, Is.EqualTo(new AttemptResult(5, Token, DeliveryStatus.Delivered, Now, Now, 201, null)));
    }

    [Test]
    public void A_final_attempt_the_plugin_held_back_is_owed_one_more_try_a_last_step_later()
    {
        var lastAttempt = RowAfter(RetrySchedule.Default.MaxAttempts);
        var paused = DeliveryOutcome.HeldBackLocally("Paused: the vendor failed repeatedly in the last minute.", TimeSpan.FromSeconds(30));

        var held = RetryPolicy.Decide(lastAttempt, Token, paused, RetrySchedule.Default, Now, 0.5);
        var failed = RetryPolicy.Decide(lastAttempt, Token, DeliveryOutcome.Retry("HTTP 503", 503), RetrySchedule.Default, Now, 0.5);

        Assert.That((held.Status, held.NextAttemptOnUtc), Is.EqualTo((DeliveryStatus.Pending, Now + TimeSpan.FromHours(24))));
        Assert.That((failed.Status, failed.Reason), Is.EqualTo((DeliveryStatus.Failed, "Gave up after 9 attempts. Last: HTTP 503")));
    }

    [Test]
    public void Rejected_fails_at_once_with_the_vendor_reason()
    {
        var result = RetryPolicy.Decide(RowAfter(1), Token, DeliveryOutcome.Rejected("HTTP 400: invalid email [email]", 400), RetrySchedule.Default, Now, 0.5);

        Assert.That(result.Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(result.Reason, Is.EqualTo("HTTP 400: invalid email [email]"));
        Assert.That(result.HttpStatus, Is.EqualTo(400));
    }

    [Test]
    public void Cannot_send_is_skipped_with_the_reason()
    {
        var result = RetryPolicy.Decide(RowAfter(1), Token, DeliveryOutcome.CannotSend("The order has no email address."), RetrySchedule.Default, Now, 0.5);

        Assert.That(result.Status, Is.EqualTo(DeliveryStatus.Skipped));
        Assert.That(result.Reason, Is.EqualTo("The order has no email address."));
    }

    [TestCase(1, 10)]
    [TestCase(2, 60)]
    [TestCase(8, 86400)]
    public void Retry_later_waits_for_the_scheduled_delay_within_ten_percent_jitter(int attempts, int seconds)
    {
        var delay = TimeSpan.FromSeconds(seconds);
        var outcome = DeliveryOutcome.Retry("HTTP 503", 503);

        var earliest = RetryPolicy.Decide(RowAfter(attempts), Token, outcome, RetrySchedule.Default, Now, 0);
        var exact = RetryPolicy.Decide(RowAfter(attempts), Token, outcome, RetrySchedule.Default, Now, 0.5);
        var latest = RetryPolicy.Decide(RowAfter(attempts), Token, outcome, RetrySchedule.Default, Now, 1);

        Assert.That(exact.Status, Is.EqualTo(DeliveryStatus.Pending));
        Assert.That(exact.NextAttemptOnUtc, Is.EqualTo(Now + delay));
        Assert.That(earliest.NextAttemptOnUtc, Is.EqualTo(Now + delay * 0.9));
        Assert.That(latest.NextAttemptOnUtc, Is.EqualTo(Now + delay * 1.1));
        Assert.That(exact.Reason, Is.EqualTo("HTTP 503"));
    }

    [Test]
    public void Retry_later_is_never_sooner_than_the_vendor_retry_after()
    {
        var outcome = DeliveryOutcome.Retry("HTTP 429", 429, TimeSpan.FromMinutes(2));

        var result = RetryPolicy.Decide(RowAfter(1), Token, outcome, RetrySchedule.Default, Now, 1);

        Assert.That(result.NextAttemptOnUtc, Is.EqualTo(Now + TimeSpan.FromMinutes(2)));
    }

    [Test]
    public void After_the_last_scheduled_retry_the_delivery_fails_saying_how_many_attempts_were_made()
    {
        var result = RetryPolicy.Decide(RowAfter(9), Token, DeliveryOutcome.Retry("HTTP 503 Service Unavailable", 503), RetrySchedule.Default, Now, 0.5);

        Assert.That(result.Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(result.Reason, Is.EqualTo("Gave up after 9 attempts. Last: HTTP 503 Service Unavailable"));
        Assert.That(result.NextAttemptOnUtc, Is.EqualTo(Now));
    }
}
