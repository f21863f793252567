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
}
