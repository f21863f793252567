using Nop.Plugin.Misc.OrderTouchpoints.Sandbox;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Sandbox;

public class SandboxRunTests
{
    [Test]
    public async Task The_healthy_sandbox_delivers_every_order_to_every_vendor_and_skips_the_one_without_email()
    {
        var output = new StringWriter();

        var exitCode = await SandboxRun.RunAsync(new SandboxOptions(Orders: 5, Scenario: "healthy", ShowPayloads: false), output);

        Assert.That(exitCode, Is.Zero, output.ToString());
        Assert.That(output.ToString(), Does.Contain("Transactionale: 4 delivered, 0 failed, 1 skipped")
            .And.Contain("VoyadoEngage: 4 delivered, 0 failed, 1 skipped")
            .And.Contain("VtMarketing: 4 delivered, 0 failed, 1 skipped"));
    }

    [Test]
    public async Task Bursts_of_failures_that_end_by_request_count_mixed_with_429s_all_end_delivered_exactly_once()
    {
        var output = new StringWriter();

        // The run judges "exactly once" at the fake vendors and that no held-back attempt was counted.
        var exitCode = await SandboxRun.RunAsync(new SandboxOptions(Orders: 20, Scenario: "bursts", ShowPayloads: false), output);

        Assert.That(exitCode, Is.Zero, output.ToString());
        Assert.That(output.ToString(), Does.Contain("Transactionale: 19 delivered, 0 failed, 1 skipped")
            .And.Contain("VoyadoEngage: 19 delivered, 0 failed, 1 skipped")
            .And.Contain("VtMarketing: 19 delivered, 0 failed, 1 skipped"));
    }

    [Test]
    public async Task Slow_vendors_get_harmless_requests_retried_and_lost_answers_that_would_act_twice_surfaced_never_repeated()
    {
        var output = new StringWriter();

        // The run judges that Transactionale received one request per delivery and failed the unanswered ones
        // with the check-then-resend reason, while Engage's unanswered lookups were retried into delivery.
        var exitCode = await SandboxRun.RunAsync(new SandboxOptions(Orders: 20, Scenario: "slow", ShowPayloads: false), output);

        Assert.That(exitCode, Is.Zero, output.ToString());
        Assert.That(output.ToString(), Does.Contain("VoyadoEngage: 19 delivered, 0 failed, 1 skipped")
            .And.Match(@"Transactionale: \d+ delivered, [1-9]\d* failed, 1 skipped")
            .And.Contain("Sent, no answer within 15 s. Transactionale may have it"));
    }
}
