using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Delivery;

public class RetryPolicyTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Token = Guid.NewGuid();

    private static OrderTouchpointDelivery RowAfter(int attempts, DateTime? firstAttempt = null) =>
        new() { Id = 5, Attempts = attempts, Status = DeliveryStatus.InProgress, FirstAttemptOnUtc = firstAttempt };

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
    public void An_attempt_held_back_by_the_rate_limit_is_given_back_and_comes_back_after_its_short_wait()
    {
        var held = DeliveryOutcome.HeldBackLocally("Held back by the rate limit of 40 requests/s for this API key.", TimeSpan.FromSeconds(2));

        var result = RetryPolicy.Decide(RowAfter(5, firstAttempt: Now.AddHours(-3)), Token, held, RetrySchedule.Default, Now, 0.5);

        Assert.That((result.Status, result.NextAttemptOnUtc, result.Counted, result.VendorKey),
            Is.EqualTo((DeliveryStatus.Pending, Now.AddSeconds(2), false, (string?)null)));
    }

    [Test]
    public void An_attempt_held_back_by_a_paused_vendor_key_is_parked_under_the_key_until_the_probe_with_a_backstop()
    {
        var paused = DeliveryOutcome.HeldBackLocally("Paused: the vendor failed repeatedly.", TimeSpan.FromSeconds(30), "10:ABCDEF0123456789");

        var result = RetryPolicy.Decide(RowAfter(1, firstAttempt: Now), Token, paused, RetrySchedule.Default, Now, 0.5);

        Assert.That((result.Status, result.Counted, result.VendorKey), Is.EqualTo((DeliveryStatus.Pending, false, "10:ABCDEF0123456789")));
        Assert.That(result.NextAttemptOnUtc, Is.EqualTo(Now + TimeSpan.FromSeconds(30) + RetryPolicy.PausedBackstop));
    }

    [TestCase(1)]
    [TestCase(6)]
    public void A_429_comes_back_when_its_retry_after_says_not_at_the_next_schedule_step_and_uses_up_no_step(int attempts)
    {
        var tooMany = DeliveryOutcome.Retry("HTTP 429 Too Many Requests", 429, TimeSpan.FromSeconds(1));

        var result = RetryPolicy.Decide(RowAfter(attempts, firstAttempt: Now.AddMinutes(-1)), Token, tooMany, RetrySchedule.Default, Now, 1);

        Assert.That((result.Status, result.NextAttemptOnUtc, result.Counted), Is.EqualTo((DeliveryStatus.Pending, Now.AddSeconds(1), false)));
    }

    [Test]
    public void A_429_without_retry_after_waits_on_the_schedule_like_any_failure()
    {
        var result = RetryPolicy.Decide(RowAfter(4), Token, DeliveryOutcome.Retry("HTTP 429", 429), RetrySchedule.Default, Now, 1);

        Assert.That((result.NextAttemptOnUtc, result.Counted), Is.EqualTo((Now + TimeSpan.FromMinutes(30) * 1.1, true)));
    }

    [Test]
    public void Held_back_attempts_do_not_stop_a_delivery_however_many_but_the_elapsed_time_does()
    {
        var paused = DeliveryOutcome.HeldBackLocally("Paused: the vendor failed repeatedly.", TimeSpan.FromSeconds(30), "10:ABCDEF0123456789");
        var deadline = RetrySchedule.Default.Total * (1 + RetryPolicy.JitterRatio);

        var early = RetryPolicy.Decide(RowAfter(1, firstAttempt: Now.AddHours(-40)), Token, paused, RetrySchedule.Default, Now, 0.5);
        var late = RetryPolicy.Decide(RowAfter(1, firstAttempt: Now - deadline), Token, paused, RetrySchedule.Default, Now, 0.5);

        Assert.That(early.Status, Is.EqualTo(DeliveryStatus.Pending));
        Assert.That((late.Status, late.Reason), Is.EqualTo((DeliveryStatus.Failed, "Gave up after 0 attempts in 49.1 h. Last: Paused: the vendor failed repeatedly.")));
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
    public void After_the_last_scheduled_retry_the_delivery_fails_saying_how_many_attempts_were_made_in_what_time()
    {
        var row = RowAfter(9, firstAttempt: Now - RetrySchedule.Default.Total);

        var result = RetryPolicy.Decide(row, Token, DeliveryOutcome.Retry("HTTP 503 Service Unavailable", 503), RetrySchedule.Default, Now, 0.5);

        Assert.That(result.Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(result.Reason, Is.EqualTo("Gave up after 9 attempts in 44.6 h. Last: HTTP 503 Service Unavailable"));
        Assert.That(result.NextAttemptOnUtc, Is.EqualTo(Now));
    }

    [Test]
    public void The_last_scheduled_retry_is_made_even_when_jitter_put_every_earlier_one_late()
    {
        var lateBy = (RetrySchedule.Default.Total - TimeSpan.FromHours(24)) * (1 + RetryPolicy.JitterRatio) - TimeSpan.FromSeconds(1);
        var row = RowAfter(8, firstAttempt: Now - lateBy);

        var result = RetryPolicy.Decide(row, Token, DeliveryOutcome.Retry("HTTP 503", 503), RetrySchedule.Default, Now, 1);

        Assert.That((result.Status, result.NextAttemptOnUtc), Is.EqualTo((DeliveryStatus.Pending, Now + TimeSpan.FromHours(24) * 1.1)));
    }
}
