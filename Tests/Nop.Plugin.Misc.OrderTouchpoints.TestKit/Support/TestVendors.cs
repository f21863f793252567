using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Transactionale;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VoyadoEngage;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>The vendors exactly as the plugin's registrations declare them, for tests that build services by hand.</summary>
public static class TestVendors
{
    public static RegisteredVendors Registered { get; } = new ServiceCollection()
        .AddTransactionaleTouchpoint()
        .AddVoyadoTouchpoint()
        .AddVtMarketingTouchpoint()
        .BuildServiceProvider()
        .GetRequiredService<RegisteredVendors>();
}
