using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Vendors.Shared;

/// <summary>One rule and one wording for a send whose outcome is unknown, whether a crash or a timeout left it so.</summary>
public class UnknownOutcomeTests
{
    private const string CrashHappened = "no answer recorded: the process sending it stopped mid-delivery";

    [TestCase(TouchpointVendor.VoyadoEngage)]
    [TestCase(TouchpointVendor.Transactionale)]
    [TestCase(TouchpointVendor.VtMarketing)]
    public void A_crashed_delivery_is_resent_by_no_vendor_because_each_makes_a_request_that_acts_twice(TouchpointVendor vendor)
    {
        var facts = TestVendors.Registered.Of(vendor);

        Assert.That(facts.DeliveryRepeat, Is.EqualTo(RepeatEffect.ActsTwice));
        Assert.That(UnknownOutcome.MayRepeat(facts.DeliveryRepeat), Is.False);
    }

    [TestCase(TouchpointVendor.VoyadoEngage, "Voyado Engage")]
    [TestCase(TouchpointVendor.Transactionale, "Transactionale")]
    [TestCase(TouchpointVendor.VtMarketing, "VTmarketing")]
    public void Crash_and_timeout_reasons_differ_only_in_what_happened(TouchpointVendor vendor, string name)
    {
        var facts = TestVendors.Registered.Of(vendor);
        var row = new OrderTouchpointDelivery { Vendor = vendor, OrderId = 1234, Event = TouchpointEvent.OrderPaid };
        var crash = DeliveryDispatcher.UnknownOutcomeReason(facts, row);
        var timeout = UnknownOutcome.Decide(RepeatEffect.ActsTwice, facts,
            new DeliveryRequest(1, 1234, TouchpointEvent.OrderPaid, DateTime.UtcNow), "no answer within 15 s", "key").Reason!;

        Assert.That(crash.Replace(CrashHappened, "…"), Is.EqualTo(timeout.Replace("no answer within 15 s", "…")));
        foreach (var reason in new[] { crash, timeout })
        {
            Assert.That(reason, Does.StartWith("Sent, ").And.Contain($"{name} may have it")
                .And.Contain($"Check in {name} whether").And.Contain("order id 1234 (OrderPaid)")
                .And.EndWith("then resend it from the delivery log only if it is missing."));
            Assert.That(reason.Length, Is.LessThanOrEqualTo(DeliveryOutcome.MaxReasonLength));
        }
    }

    [Test]
    public void A_harmless_request_without_an_answer_is_retried_under_its_vendor_key()
    {
        var lookup = UnknownOutcome.Decide(RepeatEffect.Harmless, VoyadoTouchpointChannel.About,
            new DeliveryRequest(1, 7, TouchpointEvent.OrderPlaced, DateTime.UtcNow), "no answer within 15 s", "key");

        Assert.That(lookup, Is.EqualTo(DeliveryOutcome.Retry("No answer within 15 s.") with { VendorKey = "key" }));
    }

    [Test]
    public void A_request_that_acts_twice_without_an_answer_fails_counting_its_attempt()
    {
        var order = UnknownOutcome.Decide(RepeatEffect.ActsTwice, VoyadoTouchpointChannel.About,
            new DeliveryRequest(1, 7, TouchpointEvent.OrderPlaced, DateTime.UtcNow), "no answer within 15 s", "key");

        Assert.That(order.Kind, Is.EqualTo(OutcomeKind.Rejected));
        Assert.That(order.CountsAgainstSchedule, Is.True);
    }

    [Test]
    public void A_vendor_whose_channel_is_not_registered_is_named_by_its_id_and_never_repeated()
    {
        var unknown = (TouchpointVendor)9;

        var facts = TestVendors.Registered.Of(unknown);

        Assert.That(facts.DeliveryRepeat, Is.EqualTo(RepeatEffect.ActsTwice));
        Assert.That(UnknownOutcome.Reason(facts, 5, TouchpointEvent.OrderPlaced, "no answer within 15 s"), Is.EqualTo(
            "Sent, no answer within 15 s. 9 may have it: 9 may not drop a repeated request, so it is not sent again automatically. " +
            "Check in 9 whether order id 5 (OrderPlaced) arrived, then resend it from the delivery log only if it is missing."));
    }
}
