using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.VtMarketing;

/// <summary>
/// What a VTmarketing answer means for the delivery (docs/vendors.md §3).
/// <list type="bullet">
/// <item>Only 200 is success: its docs say any other status code is an error, 2xx included.</item>
/// <item>
/// A lost answer is not retried. VTmarketing documents no deduplication (orderId is only "needed to uniquely add
/// orders to an user"), so an event sent again after a timeout may count the order twice in its reports and run
/// its automations twice. The plugin prefers at most once: the delivery fails with a reason that tells the store
/// owner to look the order up in VTmarketing and resend it from the delivery log only if it is missing there.
/// Timeouts are the only ambiguous case; a refused connection, 429 and 5xx are retried as usual (nothing recorded).
/// </item>
/// </list>
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
        if (response.AnswerLost)
        {
            return response with
            {
                Outcome = DeliveryOutcome.Rejected(
                    $"{response.Outcome.Reason} VTmarketing may have recorded the order anyway and does not drop a repeated event, " +
                    "so it is not sent again automatically: check VTmarketing and resend from the delivery log only if the order is missing.")
            };
        }
        return response;
    }
}
