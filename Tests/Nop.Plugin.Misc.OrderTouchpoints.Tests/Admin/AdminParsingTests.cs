using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Models;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

public class AdminParsingTests
{
    [Test]
    public void The_default_retry_schedule_parses_to_its_delays()
    {
        Assert.That(RetryScheduleParser.TryParse(new OrderTouchpointsDeliverySettings().RetrySchedule, out var delays), Is.True);
        Assert.That(delays, Is.EqualTo(new[]
        {
            TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
            TimeSpan.FromHours(2), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24)
        }));
    }

    [Test]
    public void Retry_steps_allow_spaces_and_upper_case_units_and_days()
    {
        Assert.That(RetryScheduleParser.TryParse(" 30S , 2d ", out var delays), Is.True);
        Assert.That(delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(30), TimeSpan.FromDays(2) }));
    }

    [TestCase(null)]
    [TestCase("10")]
    [TestCase("s")]
    [TestCase("1.5h")]
    [TestCase("10s;1m")]
    [TestCase("99999999999s")]
    public void Malformed_retry_schedules_are_refused(string? schedule)
    {
        Assert.That(RetryScheduleParser.TryParse(schedule, out var delays), Is.False);
        Assert.That(delays, Is.Empty);
    }

    [Test]
    public void A_retry_schedule_has_a_bounded_number_of_steps()
    {
        var tooLong = string.Join(",", Enumerable.Repeat("1m", RetryScheduleParser.MaxSteps + 1));
        Assert.That(RetryScheduleParser.TryParse(tooLong, out _), Is.False);
        Assert.That(RetryScheduleParser.TryParse(string.Join(",", Enumerable.Repeat("1m", RetryScheduleParser.MaxSteps)), out _), Is.True);
    }

    [Test]
    public void Voyado_language_overrides_round_trip_and_skip_empty_or_malformed_lines()
    {
        var parsed = VoyadoLanguageOverridesText.Parse("2=sv-SE\n\n x=en \r\n1 = it\n3=");

        Assert.That(parsed, Is.EqualTo(new Dictionary<int, string> { [1] = "it", [2] = "sv-SE" }));
        Assert.That(VoyadoLanguageOverridesText.Format(parsed), Is.EqualTo("1=it\n2=sv-SE"));
        Assert.That(VoyadoLanguageOverridesText.Format([KeyValuePair.Create(1, " ")]), Is.Null);
    }
}
