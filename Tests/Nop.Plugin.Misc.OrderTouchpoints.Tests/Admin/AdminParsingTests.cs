using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

/// <summary>The admin page validates and writes settings with the same parsers the delivery pipeline and the channels read them with.</summary>
public class AdminParsingTests
{
    [Test]
    public void The_default_retry_schedule_parses_to_its_delays()
    {
        Assert.That(RetrySchedule.TryParse(new OrderTouchpointsDeliverySettings().RetrySchedule, out var schedule), Is.True);
        Assert.That(schedule!.Delays, Is.EqualTo(new[]
        {
            TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
            TimeSpan.FromHours(2), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24)
        }));
    }

    [TestCase(" 30S , 2d ", new[] { 30, 172800 })]
    [TestCase("10s;1m", new[] { 10, 60 })]
    [TestCase("10s,,1m", new[] { 10, 60 })]
    public void What_the_pipeline_can_use_is_accepted_as_the_pipeline_reads_it(string text, int[] seconds)
    {
        Assert.That(RetrySchedule.TryParse(text, out var schedule), Is.True);
        Assert.That(schedule!.Delays, Is.EqualTo(seconds.Select(s => TimeSpan.FromSeconds(s))));
        Assert.That(RetrySchedule.Parse(text).Delays, Is.EqualTo(schedule.Delays));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("10")]
    [TestCase("s")]
    [TestCase("1.5h")]
    [TestCase("10s,soon")]
    [TestCase("99999999999s")]
    [TestCase("8d")]
    public void What_the_pipeline_would_replace_by_the_default_is_refused(string? text)
    {
        Assert.That(RetrySchedule.TryParse(text, out var schedule), Is.False);
        Assert.That(schedule, Is.Null);
    }

    [Test]
    public void A_retry_schedule_has_a_bounded_number_of_steps()
    {
        var tooLong = string.Join(",", Enumerable.Repeat("1m", RetrySchedule.MaxRetries + 1));
        Assert.That(RetrySchedule.TryParse(tooLong, out _), Is.False);
        Assert.That(RetrySchedule.TryParse(string.Join(",", Enumerable.Repeat("1m", RetrySchedule.MaxRetries)), out _), Is.True);
    }

    [Test]
    public void A_saved_schedule_is_its_steps_comma_separated_without_spaces_or_empty_steps()
    {
        Assert.That(RetrySchedule.Normalize(" 30s ; 2M,,1d "), Is.EqualTo("30s,2M,1d"));
    }

    [Test]
    public void A_saved_schedule_reads_as_the_delays_that_were_typed()
    {
        var stored = RetrySchedule.Normalize(" 30s ; 2M,,1d ");

        Assert.That(RetrySchedule.Parse(stored).Delays, Is.EqualTo(RetrySchedule.Parse(" 30s ; 2M,,1d ").Delays));
    }

    [Test]
    public void Voyado_language_overrides_skip_empty_or_malformed_lines()
    {
        var parsed = VoyadoLanguageOverrides.Parse("2=sv-SE\n\n x=en \r\n1 = it\n3=\n-4=de");

        Assert.That(parsed, Is.EqualTo(new Dictionary<int, string> { [1] = "it", [2] = "sv-SE" }));
    }

    [Test]
    public void Voyado_language_overrides_are_saved_one_per_line_by_language_id()
    {
        var saved = VoyadoLanguageOverrides.Format([KeyValuePair.Create(2, "sv-SE"), KeyValuePair.Create(1, "it")]);

        Assert.That(saved, Is.EqualTo("1=it\n2=sv-SE"));
        Assert.That(VoyadoLanguageOverrides.Parse(saved!), Is.EqualTo(new Dictionary<int, string> { [1] = "it", [2] = "sv-SE" }));
    }

    [Test]
    public void Blank_voyado_language_overrides_save_nothing()
    {
        Assert.That(VoyadoLanguageOverrides.Format([KeyValuePair.Create(1, " ")]), Is.Null);
    }

    [Test]
    public void What_the_admin_page_writes_is_what_the_channel_reads()
    {
        var stored = VoyadoLanguageOverrides.Format([KeyValuePair.Create(2, " sv-SE "), KeyValuePair.Create(1, "it-IT")]);

        Assert.That(VoyadoLanguageOverrides.LocaleFor(stored, 2, "sv"), Is.EqualTo("sv-SE"));
        Assert.That(VoyadoLanguageOverrides.LocaleFor(stored, 1, "it"), Is.EqualTo("it-IT"));
        Assert.That(VoyadoLanguageOverrides.LocaleFor(stored, 3, "en-GB"), Is.EqualTo("en-GB"));
    }
}
