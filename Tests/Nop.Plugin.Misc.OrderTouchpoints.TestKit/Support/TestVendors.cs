using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>
/// The vendors as each channel declares them, for tests that build services by hand. Not built through the plugin's
/// registrations: the database tests and benchmarks load no admin (Nop.Web.Framework) assembly. That the registrations
/// declare the same facts is DependencyGraphTests' concern.
/// </summary>
public static class TestVendors
{
    public static RegisteredVendors Registered { get; } =
        new([TransactionaleTouchpointChannel.About, VoyadoTouchpointChannel.About, VtMarketingTouchpointChannel.About]);
}
