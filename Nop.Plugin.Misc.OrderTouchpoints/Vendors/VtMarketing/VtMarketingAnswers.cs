using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

/// <summary>
/// What a VTmarketing answer means for the delivery (docs/vendors.md §3): only 200 is success, because its
/// docs say any other status code is an error, 2xx included. A lost answer is not VTmarketing's to judge
/// here: it follows the plugin's one rule for unknown outcomes (<see cref="UnknownOutcome"/>, with
/// <see cref="VtMarketingClient.EventRepeat"/>), the same after a timeout as after a crash.
/// </summary>
public static class VtMarketingAnswers
{
    public const int SuccessStatus = 200;

    public static VendorResponse Interpret(VendorResponse response)
    {
        if (response.IsSuccess && response.StatusCode != SuccessStatus)
        {
            return response with
            {
                Outcome = DeliveryOutcome.Rejected(
                    $"HTTP {response.StatusCode}: VTmarketing answers 200 when it records an event and calls any other status an error. " +
                    "Check whether the order is in VTmarketing before resending.", response.StatusCode)
            };
        }
        return response;
    }
}
