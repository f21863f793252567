using Nop.Plugin.Misc.OrderTouchpoints.Delivery;

namespace Nop.Plugin.Misc.OrderTouchpoints.E2E;

/// <summary>
/// The base of every scenario: a test fails when any fake vendor recorded a contract violation while it ran, whatever
/// the test itself asserts. A vendor refuses such a request (4xx), so a violation would otherwise show only as a
/// delivery that failed somewhere a scenario did not look.
/// </summary>
public abstract class StoreScenario
{
    private Dictionary<TouchpointVendor, int> _violationsBefore = [];

    [SetUp]
    public void CountViolationsBefore() =>
        _violationsBefore = Enum.GetValues<TouchpointVendor>().ToDictionary(v => v, v => Suite.Current.Vendors.Violations(v).Count);

    [TearDown]
    public void FailOnNewViolations()
    {
        var vendors = Suite.Current.Vendors;
        var added = Enum.GetValues<TouchpointVendor>()
            .SelectMany(v => vendors.Violations(v).Skip(_violationsBefore.GetValueOrDefault(v)).Select(violation => $"{v}: {violation}"))
            .ToList();
        Assert.That(added, Is.Empty, "the fake vendors recorded contract violations during this test");
    }
}
