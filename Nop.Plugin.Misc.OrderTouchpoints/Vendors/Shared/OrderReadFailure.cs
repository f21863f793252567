using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.OrderTouchpoints.Vendors.Shared;

/// <summary>
/// A nopCommerce service threw while the order or settings were read (database timeout, deadlock, a broken override):
/// transient, so retried. The log gets the exception's type and stack, never its message: a provider's message can quote the
/// values it read (names, addresses), which no masking recognises.
/// </summary>
public static class OrderReadFailure
{
    public static async Task<DeliveryOutcome> RetryLaterAsync(ILogger logger, TouchpointVendor vendor, DeliveryRequest request, Exception exception)
    {
        await LogAsync(logger, vendor, request, exception);
        return DeliveryOutcome.Retry(
            $"nopCommerce could not read the order or the settings ({exception.GetType().Name}); the delivery will be retried. Details are in System → Log.");
    }

    public static async Task<string> PreviewReasonAsync(ILogger logger, TouchpointVendor vendor, DeliveryRequest request, Exception exception)
    {
        await LogAsync(logger, vendor, request, exception);
        return $"nopCommerce could not read the order or the settings ({exception.GetType().Name}). Details are in System → Log.";
    }

    private static async Task LogAsync(ILogger logger, TouchpointVendor vendor, DeliveryRequest request, Exception exception)
    {
        try
        {
            await logger.WarningAsync(
                $"Order touchpoints: reading order id {request.OrderId} of store {request.StoreId} for {vendor} ({request.Event}, attempt {request.Attempt}) " +
                $"failed with {exception.GetType().FullName}.{Environment.NewLine}{exception.StackTrace}");
        }
        catch (Exception)
        {
            // The log lives in the database that may be what just failed; the stored reason still tells the owner.
        }
    }
}
